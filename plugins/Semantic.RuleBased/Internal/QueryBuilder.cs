using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

/// <summary>Turns what a question names into a semantic query, or says why it cannot.</summary>
internal sealed class QueryBuilder(SemanticRequest request, EngineOptions options, Reading reading)
{
    /// <summary>"top products" without a number.</summary>
    public const int DefaultRankCount = 10;

    private const double ConfidencePerEdit = 0.1;
    private const double MinConfidence = 0.5;

    private readonly SemanticModel _model = request.Model;
    private readonly List<(int Position, string Name)> _measures = [];
    private readonly List<(int Position, DimensionRef Dimension, TermMention? Mention)> _dimensions = [];
    private readonly List<(int Position, SemanticFilter Filter)> _filters = [];
    private readonly List<SemanticOrder> _order = [];
    private int? _limit;

    private sealed record Named(TermMention Mention, Term Term);

    private sealed record ValueMention(TermMention Mention, string Dimension, string Value);

    public SemanticResult Build()
    {
        var refusal = Resolve(out var measures, out var dimensions, out var values) ?? CountInstead(measures, dimensions);
        var resolved = new List<ValueMention>();
        refusal = refusal
            ?? ResolveValues(dimensions, values, resolved)
            ?? AddMeasures(measures)
            ?? AddDimensions(dimensions, resolved)
            ?? AddTime(dimensions)
            ?? AddComparison(resolved)
            ?? AddRanking(measures, dimensions)
            ?? AddSorting(measures, dimensions)
            ?? CheckSomethingIsMeasured(dimensions);
        if (refusal is not null)
        {
            return refusal;
        }

        AddValueFilters(resolved);
        var query = new SemanticQuery(
            [.. _measures.OrderBy(m => m.Position).Select(m => m.Name).Distinct(StringComparer.Ordinal)],
            [.. _dimensions.OrderBy(d => d.Position).Select(d => d.Dimension).Distinct()],
            [.. _filters.OrderBy(f => f.Position).Select(f => f.Filter)],
            _order,
            _limit);
        var edits = reading.Terms.Sum(t => t.FuzzyWords);
        var confidence = Math.Max(MinConfidence, Math.Round(1 - ConfidencePerEdit * edits, 2));
        return SemanticResult.Answer(query, Explanation.Describe(query, _model), confidence);
    }

    private SemanticResult Refuse(string reason, params IEnumerable<string> suggestions) => Refusals.Refuse(reason, _model, suggestions);

    private string Before(int start) => reading.Text(reading.Before(start));

    private bool AfterGroupingWord(TermMention mention) => Words.Grouping.Contains(Before(mention.Start));

    private bool AsksForCount(TermMention mention)
    {
        var before = reading.Before(mention.Start);
        return reading.Text(before) == "many" ||
            reading.Text(before) == "of" && reading.Text(before - 1) is "number" or "count";
    }

    private bool AsksForMembers(TermMention mention)
    {
        var before = reading.Before(mention.Start);
        return Words.Grouping.Contains(reading.Text(before)) || reading.Text(before) is "which" or "list" ||
            reading.Ranks.Any(r => r.End - 1 == before);
    }

    /// <summary>Settles what each phrase names when it could be a measure, a dimension or a value ("customers").</summary>
    private SemanticResult? Resolve(out List<Named> measures, out List<Named> dimensions, out List<TermMention> values)
    {
        measures = [];
        dimensions = [];
        values = [];
        foreach (var mention in reading.Terms)
        {
            var terms = mention.Terms;
            if (terms.Select(t => t.Kind).Distinct().Count() > 1)
            {
                TermKind? wanted = AsksForMembers(mention) ? TermKind.Dimension : AsksForCount(mention) ? TermKind.Measure : null;
                if (wanted is { } kind && terms.Any(t => t.Kind == kind))
                {
                    terms = [.. terms.Where(t => t.Kind == kind)];
                }
                else if (mention.Surface.Count > 0)
                {
                    terms = mention.Surface;
                }

                var preferred = terms.Min(t => t.Kind);
                terms = [.. terms.Where(t => t.Kind == preferred)];
            }

            var phrase = Phrase(mention);
            switch (terms[0].Kind)
            {
                case TermKind.Measure when terms.Count > 1:
                case TermKind.Dimension when terms.Count > 1:
                    return Refuse(
                        $"'{phrase}' could mean {Naming.List(terms.Select(t => $"'{Naming.Display(t.Name)}'"))}; say which.",
                        terms.Select(t => $"Ask about '{Naming.Display(t.Name)}'."));
                case TermKind.Measure:
                    measures.Add(new Named(mention, terms[0]));
                    break;
                case TermKind.Dimension:
                    dimensions.Add(new Named(mention, terms[0]));
                    break;
                default:
                    values.Add(mention with { Terms = terms });
                    break;
            }
        }

        return null;
    }

    /// <summary>"how many products": a dimension counted, by the measure named after it.</summary>
    private SemanticResult? CountInstead(List<Named> measures, List<Named> dimensions)
    {
        foreach (var named in dimensions.Where(d => AsksForCount(d.Mention)).ToList())
        {
            var counting = _model.Measures.FirstOrDefault(m => m.Name == named.Term.Name + "_count");
            if (counting is null)
            {
                return Refuse(
                    $"The {_model.Name} model has no measure that counts {Naming.Display(named.Term.Name)} values.",
                    _model.Measures.Where(m => m.Name.EndsWith("_count", StringComparison.Ordinal)).Select(m => $"It can count with '{Naming.Display(m.Name)}'."));
            }

            dimensions.Remove(named);
            measures.Add(new Named(named.Mention, new Term(TermKind.Measure, counting.Name)));
        }

        measures.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
        return null;
    }

    /// <summary>A value that several dimensions have belongs to the one the question names; otherwise it is ambiguous.</summary>
    private SemanticResult? ResolveValues(List<Named> dimensions, List<TermMention> values, List<ValueMention> resolved)
    {
        var named = dimensions.Select(d => d.Term.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var mention in values)
        {
            var terms = mention.Terms;
            var owners = terms.Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            if (owners.Count > 1)
            {
                var hinted = owners.Where(named.Contains).ToList();
                if (hinted.Count != 1)
                {
                    var phrase = Phrase(mention);
                    return Refuse(
                        $"'{phrase}' could be a {Naming.List(owners.Select(Naming.Display))}; say which, for example '{Naming.Display(owners[0])} {phrase}'.",
                        owners.Select(o => $"{Naming.Display(o)} {phrase}"));
                }

                terms = [.. terms.Where(t => t.Name == hinted[0])];
            }

            var distinct = terms.Select(t => t.Value!).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > 1)
            {
                return Refuse(
                    $"'{Phrase(mention)}' could be {Naming.List(distinct.Select(v => $"'{v}'"))}; say which.",
                    distinct.Select(v => $"Ask about '{v}'."));
            }

            resolved.Add(new ValueMention(mention, terms[0].Name, distinct[0]));
        }

        return null;
    }

    /// <summary>
    /// The first measure, and those joined to it ("revenue and profit"); a count measure elsewhere only qualifies
    /// ("revenue of completed orders"). Anything else would combine measures in a way a query cannot express.
    /// </summary>
    private SemanticResult? AddMeasures(List<Named> measures)
    {
        for (var i = 0; i < measures.Count; i++)
        {
            var (mention, term) = (measures[i].Mention, measures[i].Term);
            var before = Before(mention.Start);
            if (i > 0 && before == "per")
            {
                return Refuse(
                    $"I can't divide '{Naming.Display(measures[i - 1].Term.Name)}' by '{Phrase(mention)}'; ask for measures the model defines.",
                    _model.Measures.Where(m => m.Name.StartsWith("average", StringComparison.Ordinal)).Select(m => $"Try '{Naming.Display(m.Name)}'."));
            }

            if (i == 0 || Words.Joining.Contains(before) || before == "by")
            {
                _measures.Add((mention.Start, term.Name));
            }
            else if (!term.Name.EndsWith("_count", StringComparison.Ordinal))
            {
                return Refuse(
                    $"I can't tell how '{Phrase(mention)}' relates to '{Naming.Display(measures[0].Term.Name)}'; ask for measures side by side, for example '{Naming.Display(measures[0].Term.Name)} and {Naming.Display(term.Name)}'.");
            }
        }

        return null;
    }

    private SemanticResult? AddDimensions(List<Named> dimensions, List<ValueMention> values)
    {
        foreach (var (mention, term) in dimensions)
        {
            var dimension = Dimension(term.Name);
            if (dimension.Type == DimensionType.Time)
            {
                continue;
            }

            var qualifies = !AfterGroupingWord(mention) && values.Any(v => v.Dimension == term.Name && Adjacent(mention, v.Mention));
            if (!qualifies)
            {
                _dimensions.Add((mention.Start, new DimensionRef(term.Name), mention));
            }
        }

        return null;
    }

    /// <summary>Periods become one filter on the primary time dimension, grains group it.</summary>
    private SemanticResult? AddTime(List<Named> dimensions)
    {
        var timeMentions = dimensions.Where(d => Dimension(d.Term.Name).Type == DimensionType.Time).ToList();
        var periods = reading.Times.Where(t => t.Period is not null).ToList();
        var grains = reading.Times.Where(t => t.Grain is not null).ToList();
        if (periods.Count == 0 && grains.Count == 0 && timeMentions.Count == 0)
        {
            return null;
        }

        var primary = timeMentions.Count > 0
            ? Dimension(timeMentions[0].Term.Name)
            : _model.Dimensions.FirstOrDefault(d => d.Type == DimensionType.Time);
        if (primary is null)
        {
            return Refuse($"The {_model.Name} model has no time dimension, so I can't filter or group by dates.");
        }

        var strong = grains.Where(g => !g.Weak).Select(g => g.Grain!.Value).Distinct().ToList();
        if (strong.Count > 1)
        {
            return Refuse($"I can group by one time grain at a time, not {Naming.List(strong.Select(g => g.ToString().ToLowerInvariant()))}.");
        }

        TimeGrain? grain = strong.Count == 1 ? strong[0] : grains.Count > 0 ? TimeGrain.Month : null;
        var grainPosition = grains.Count > 0 ? grains.Min(g => g.Start) : int.MaxValue;

        if (periods.Count > 1)
        {
            var kinds = periods.Select(p => p.Period!.Kind).Distinct().ToList();
            var ordered = periods.Select(p => p.Period!).OrderBy(p => p.Start).ToList();
            var contiguous = ordered.Zip(ordered.Skip(1)).All(pair => pair.First.End.AddDays(1) == pair.Second.Start);
            if (kinds.Count != 1 || kinds[0] is PeriodKind.Range or PeriodKind.Week || !contiguous)
            {
                return Refuse(
                    "I can filter one period at a time, or compare consecutive years, quarters, months or days.",
                    "Try 'between 2024-01-01 and 2024-06-30' or '2024 vs 2025'.");
            }

            grain ??= kinds[0] switch
            {
                PeriodKind.Year => TimeGrain.Year,
                PeriodKind.Quarter => TimeGrain.Quarter,
                PeriodKind.Month => TimeGrain.Month,
                _ => TimeGrain.Day,
            };
            grainPosition = Math.Min(grainPosition, periods[0].Start);
        }

        if (periods.Count > 0)
        {
            var start = periods.Min(p => p.Period!.Start);
            var end = periods.Max(p => p.Period!.End);
            _filters.Add((periods[0].Start, new SemanticFilter(
                primary.Name, FilterOperator.Between, [TimeExpressions.Iso(start), TimeExpressions.Iso(end)])));
        }

        foreach (var (mention, term) in timeMentions)
        {
            var grouped = AfterGroupingWord(mention) || periods.Count == 0 && grains.Count == 0;
            if (term.Name == primary.Name && grain is not null)
            {
                grainPosition = Math.Min(grainPosition, mention.Start);
            }
            else if (grouped)
            {
                var dimension = Dimension(term.Name);
                if (Check(dimension, Finest(dimension)) is { } refusal)
                {
                    return refusal;
                }

                _dimensions.Add((mention.Start, new DimensionRef(term.Name, Finest(dimension)), mention));
            }
        }

        if (grain is { } g)
        {
            if (Check(primary, g) is { } refusal)
            {
                return refusal;
            }

            _dimensions.Add((grainPosition, new DimensionRef(primary.Name, g), null));
        }

        return null;
    }

    private SemanticResult? Check(SemanticDimension dimension, TimeGrain grain) =>
        dimension.TimeGrains.Count == 0 || dimension.TimeGrains.Contains(grain)
            ? null
            : Refuse(
                $"'{Naming.Display(dimension.Name)}' can't be grouped by {grain.ToString().ToLowerInvariant()}.",
                dimension.TimeGrains.Select(g => $"Group it by {g.ToString().ToLowerInvariant()}."));

    private static TimeGrain Finest(SemanticDimension dimension) =>
        dimension.TimeGrains.Count == 0 ? TimeGrain.Day : dimension.TimeGrains.Min();

    /// <summary>"Germany vs France": the values' dimension is grouped by so they sit side by side.</summary>
    private SemanticResult? AddComparison(List<ValueMention> values)
    {
        if (!reading.Contains(Words.Comparing))
        {
            return null;
        }

        foreach (var group in values.GroupBy(v => v.Dimension).Where(g => g.Select(v => v.Value).Distinct().Count() > 1))
        {
            _dimensions.Add((group.Min(v => v.Mention.Start), new DimensionRef(group.Key), null));
        }

        return null;
    }

    /// <summary>"top 5 products by revenue": the ranked dimension, the measure ranked by, and how many.</summary>
    private SemanticResult? AddRanking(List<Named> measures, List<Named> dimensions)
    {
        if (reading.Ranks.Count == 0)
        {
            return null;
        }

        var rank = reading.Ranks[0];
        if (reading.Ranks.Any(r => r.Descending != rank.Descending) || reading.Ranks.Count(r => r.Count is not null) > 1)
        {
            return Refuse("The question asks for more than one ranking; ask for one, for example 'top 5 products by revenue'.");
        }

        var count = reading.Ranks.Select(r => r.Count).FirstOrDefault(c => c is not null);
        var grouped = _dimensions.Where(d => d.Mention is not null && Dimension(d.Dimension.Name).Type != DimensionType.Time).ToList();
        var ranked = grouped.FirstOrDefault(d => d.Position > rank.Start);
        if (ranked.Mention is null)
        {
            ranked = grouped.FirstOrDefault();
        }

        var what = ranked.Mention is null ? "items" : Naming.Display(ranked.Dimension.Name);
        if (_measures.Count == 0)
        {
            var examples = _model.Measures.Take(2).Select(m => $"{(rank.Descending ? "top" : "bottom")} {count ?? 5} {what} by {Naming.Display(m.Name)}");
            return Refuse($"Ranked by what? Name a measure to rank {what} by.", examples);
        }

        if (ranked.Mention is null && _dimensions.Count == 0)
        {
            return Refuse(
                $"{(rank.Descending ? "Top" : "Bottom")} what? Name what to rank, for example '{(rank.Descending ? "top" : "bottom")} {count ?? 5} {Naming.Display(_model.Dimensions.FirstOrDefault(d => d.Type != DimensionType.Time)?.Name ?? "items")} by {Naming.Display(_measures[0].Name)}'.");
        }

        var byMeasure = measures.FirstOrDefault(m => m.Mention.Start > rank.Start && Before(m.Mention.Start) == "by")
            ?? measures.FirstOrDefault(m => _measures.Any(x => x.Name == m.Term.Name));
        var measure = byMeasure?.Term.Name ?? _measures[0].Name;
        _order.Add(new SemanticOrder(measure, rank.Descending));
        if (count is not null)
        {
            _limit = count;
        }
        else if (ranked.Mention is not null && !AfterGroupingWord(ranked.Mention))
        {
            _limit = ranked.Mention.Plural ? Math.Min(DefaultRankCount, options.MaxLimit) : 1;
        }

        return null;
    }

    /// <summary>"sorted by profit", "descending": the order, once the query names what is sorted.</summary>
    private SemanticResult? AddSorting(List<Named> measures, List<Named> dimensions)
    {
        var direction = reading.Directions.Count > 0 ? reading.Directions[0].Descending : (bool?)null;
        foreach (var sort in reading.Sorts)
        {
            var measure = measures.FirstOrDefault(m => m.Mention.Start >= sort.End);
            var dimension = dimensions.FirstOrDefault(d => d.Mention.Start >= sort.End);
            var grain = reading.Times.FirstOrDefault(t => t.Grain is not null && t.Start >= sort.End);
            var candidates = new List<(int Position, string Field, bool IsMeasure)>();
            if (measure is not null)
            {
                candidates.Add((measure.Mention.Start, measure.Term.Name, true));
            }

            if (dimension is not null)
            {
                candidates.Add((dimension.Mention.Start, dimension.Term.Name, false));
            }

            if (grain is not null)
            {
                candidates.Add((grain.Start, _dimensions.First(d => d.Dimension.Grain is not null).Dimension.Name, false));
            }

            if (candidates.Count == 0)
            {
                return Refuse("Sorted by what? Name a measure or dimension after 'sorted by'.");
            }

            var (position, field, isMeasure) = candidates.MinBy(c => c.Position);
            if (isMeasure && _measures.All(m => m.Name != field))
            {
                _measures.Add((position, field));
            }
            else if (!isMeasure && _dimensions.All(d => d.Dimension.Name != field))
            {
                _dimensions.Add((position, new DimensionRef(field), null));
            }

            if (_order.All(o => o.Field != field))
            {
                _order.Add(new SemanticOrder(field, direction ?? isMeasure));
            }
        }

        if (direction is { } descending && _order.Count == 0)
        {
            var field = _measures.Count > 0 ? _measures.OrderBy(m => m.Position).First().Name : _dimensions.OrderBy(d => d.Position).FirstOrDefault().Dimension?.Name;
            if (field is null)
            {
                return Refuse("Sorted by what? Name a measure or dimension to sort by.");
            }

            _order.Add(new SemanticOrder(field, descending));
        }

        return null;
    }

    /// <summary>A query needs a measure, unless the question asks only to list a dimension's members.</summary>
    private SemanticResult? CheckSomethingIsMeasured(List<Named> dimensions)
    {
        if (_measures.Count > 0)
        {
            return null;
        }

        if (_dimensions.Count > 0 && reading.Contains(Words.Listing))
        {
            return null;
        }

        var about = dimensions.Count > 0 ? $" about {Naming.Display(dimensions[0].Term.Name)}" : string.Empty;
        return Refuse(
            $"What should I measure{about}? The question names no measure, and none follows from it.",
            _model.Measures.Take(3).Select(m => $"Ask for '{Naming.Display(m.Name)}'."));
    }

    private void AddValueFilters(List<ValueMention> values)
    {
        foreach (var group in values.GroupBy(v => v.Dimension))
        {
            var distinct = group.Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList();
            var filter = distinct.Count == 1
                ? new SemanticFilter(group.Key, FilterOperator.Equals, distinct)
                : new SemanticFilter(group.Key, FilterOperator.In, distinct);
            _filters.Add((group.Min(v => v.Mention.Start), filter));
        }
    }

    /// <summary>A dimension's name next to one of its values, perhaps with "the" or "of" between: "the city of Paris".</summary>
    private bool Adjacent(TermMention dimension, TermMention value)
    {
        var (from, to) = dimension.End <= value.Start ? (dimension.End, value.Start) : (value.End, dimension.Start);
        return Enumerable.Range(from, Math.Max(0, to - from)).All(i => Words.Qualifying.Contains(reading.Text(i)));
    }

    private SemanticDimension Dimension(string name) => _model.Dimensions.First(d => d.Name == name);

    private string Phrase(TermMention mention) =>
        string.Join(' ', reading.Tokens.Skip(mention.Start).Take(mention.End - mention.Start).Select(t => t.Original));
}
