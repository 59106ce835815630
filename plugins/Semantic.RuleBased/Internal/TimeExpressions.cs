using System.Globalization;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Semantic.RuleBased.Internal;

internal enum PeriodKind
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Range,
}

/// <summary>A stretch of calendar days, both ends included.</summary>
internal sealed record Period(DateOnly Start, DateOnly End, PeriodKind Kind)
{
    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PeriodKind.Year);

    public static Period Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(start, start.AddMonths(3).AddDays(-1), PeriodKind.Quarter);
    }

    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1).AddDays(-1), PeriodKind.Month);
    }

    public static Period Week(DateOnly day)
    {
        var start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(start, start.AddDays(6), PeriodKind.Week);
    }
}

/// <summary>What a time phrase says: a period to filter by, a grain to group by, or why it cannot be used.</summary>
/// <param name="Weak">A grain only implied ("over time", "trend"), given way to by any stated grain.</param>
internal sealed record TimeMatch(int Start, int Length, Period? Period = null, TimeGrain? Grain = null, bool Weak = false, string? Error = null);

/// <summary>Reads dates, periods and grains: "Q4 2024", "last 30 days", "between 2024-01-01 and 2024-06-30", "monthly".</summary>
internal sealed class TimeExpressions(IReadOnlyList<Token> tokens, Func<int, bool> isFree, DateOnly today)
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private static readonly Dictionary<string, int> MonthNames = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4,
        ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> QuarterOrdinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
    };

    private static readonly Dictionary<string, TimeGrain> Units = new(StringComparer.Ordinal)
    {
        ["day"] = TimeGrain.Day, ["week"] = TimeGrain.Week, ["month"] = TimeGrain.Month, ["quarter"] = TimeGrain.Quarter,
        ["year"] = TimeGrain.Year,
    };

    private static readonly Dictionary<string, TimeGrain> Adverbs = new(StringComparer.Ordinal)
    {
        ["daily"] = TimeGrain.Day, ["weekly"] = TimeGrain.Week, ["monthly"] = TimeGrain.Month,
        ["quarterly"] = TimeGrain.Quarter, ["yearly"] = TimeGrain.Year, ["annual"] = TimeGrain.Year,
        ["annually"] = TimeGrain.Year,
    };

    private static readonly HashSet<string> TrendWords = new(StringComparer.Ordinal) { "trend", "trending", "trended" };
    private static readonly HashSet<string> Last = new(StringComparer.Ordinal) { "last", "previous", "prior", "past" };
    private static readonly HashSet<string> This = new(StringComparer.Ordinal) { "this", "current" };
    private static readonly HashSet<string> RangeEnd = new(StringComparer.Ordinal) { "to", "through", "thru", "until", "till" };
    private static readonly HashSet<string> YearIntroducers = new(StringComparer.Ordinal) { "in", "since", "during", "year", "for" };

    /// <summary>A unit word ("month", "years") for a grain named without "by", as in "by region and month".</summary>
    public static TimeGrain? Unit(Token token) => Units.TryGetValue(token.Stem, out var grain) ? grain : null;

    public TimeMatch? Match(int i) => Range(i) ?? Since(i) ?? Relative(i) ?? Grain(i) ?? Point(i);

    private TimeMatch? Range(int i)
    {
        var introduced = Is(i, "between") || Is(i, "from");
        var first = Partial(introduced ? i + 1 : i);
        if (first is null || first.Error is not null)
        {
            return introduced ? first?.ErrorAt(i) : null;
        }

        var separator = first.Next;
        var joined = Is(i, "between") ? Is(separator, "and") : RangeEnd.Contains(Text(separator));
        if (!joined)
        {
            return null;
        }

        var second = Partial(separator + 1);
        if (second is null)
        {
            return null;
        }

        if (second.Error is not null)
        {
            return second.ErrorAt(i);
        }

        var end = second.Resolve(null);
        var start = first.Resolve(second.Year ?? end.Period?.Start.Year);
        if (start.Error is not null || end.Error is not null)
        {
            return new TimeMatch(i, second.Next - i, Error: start.Error ?? end.Error);
        }

        if (start.Period!.Start > end.Period!.End)
        {
            return new TimeMatch(i, second.Next - i, Error: $"The period {Iso(start.Period.Start)} to {Iso(end.Period.End)} ends before it starts.");
        }

        return new TimeMatch(i, second.Next - i, new Period(start.Period.Start, end.Period.End, PeriodKind.Range));
    }

    private TimeMatch? Since(int i)
    {
        if (!Is(i, "since"))
        {
            return null;
        }

        var point = Partial(i + 1);
        if (point is null)
        {
            return null;
        }

        var resolved = point.Resolve(null);
        if (resolved.Error is not null)
        {
            return new TimeMatch(i, point.Next - i, Error: resolved.Error);
        }

        var start = resolved.Period!.Start;
        return start > today
            ? new TimeMatch(i, point.Next - i, Error: $"Since {Iso(start)} is after today ({Iso(today)}).")
            : new TimeMatch(i, point.Next - i, new Period(start, today, PeriodKind.Range));
    }

    private TimeMatch? Relative(int i)
    {
        var word = Text(i);
        switch (word)
        {
            case "today":
                return new TimeMatch(i, 1, new Period(today, today, PeriodKind.Day));
            case "yesterday":
                return new TimeMatch(i, 1, new Period(today.AddDays(-1), today.AddDays(-1), PeriodKind.Day));
            case "ytd":
                return new TimeMatch(i, 1, ToDate(TimeGrain.Year));
            case "qtd":
                return new TimeMatch(i, 1, ToDate(TimeGrain.Quarter));
            case "mtd":
                return new TimeMatch(i, 1, ToDate(TimeGrain.Month));
            default:
                break;
        }

        if (Units.TryGetValue(Stem(i), out var toDateUnit) && toDateUnit is TimeGrain.Year or TimeGrain.Quarter or TimeGrain.Month &&
            Is(i + 1, "to") && Is(i + 2, "date"))
        {
            return new TimeMatch(i, 3, ToDate(toDateUnit));
        }

        if (This.Contains(word) && Units.TryGetValue(Text(i + 1), out var current))
        {
            return new TimeMatch(i, 2, Containing(today, current));
        }

        if (!Last.Contains(word))
        {
            return null;
        }

        if (Units.TryGetValue(Text(i + 1), out var previous))
        {
            return new TimeMatch(i, 2, Containing(Shift(today, previous, -1), previous));
        }

        if (Count(i + 1) is { } count && Units.TryGetValue(Stem(i + 2), out var unit))
        {
            return count < 1
                ? new TimeMatch(i, 3, Error: $"'{Text(i)} {Text(i + 1)} {Text(i + 2)}' is not a period.")
                : new TimeMatch(i, 3, new Period(Shift(today, unit, -count).AddDays(1), today, PeriodKind.Range));
        }

        return null;
    }

    private TimeMatch? Grain(int i)
    {
        var word = Text(i);
        if (Adverbs.TryGetValue(word, out var adverb))
        {
            return new TimeMatch(i, 1, Grain: adverb);
        }

        if (TrendWords.Contains(Stem(i)))
        {
            return new TimeMatch(i, 1, Grain: TimeGrain.Month, Weak: true);
        }

        if (word == "over" && Is(i + 1, "time"))
        {
            return new TimeMatch(i, 2, Grain: TimeGrain.Month, Weak: true);
        }

        if (Words.Grouping.Contains(word) && Units.TryGetValue(Stem(i + 1), out var unit))
        {
            return new TimeMatch(i, 2, Grain: unit);
        }

        return null;
    }

    private TimeMatch? Point(int i)
    {
        var point = Partial(i);
        if (point is null)
        {
            return InvalidYear(i);
        }

        var resolved = point.Resolve(null);
        return new TimeMatch(i, point.Next - i, resolved.Period, Error: point.Error ?? resolved.Error);
    }

    /// <summary>"in 20245": a number where a year belongs that cannot be one.</summary>
    private TimeMatch? InvalidYear(int i)
    {
        if (!Free(i) || tokens[i].Kind != TokenKind.Number || i == 0 || !YearIntroducers.Contains(tokens[i - 1].Text) ||
            tokens[i].Text.Length is 1 or 2)
        {
            return null;
        }

        return new TimeMatch(i, 1, Error: $"'{tokens[i].Original}' is not a valid year.");
    }

    /// <summary>A date, month, quarter or year, perhaps still missing its year ("from January to March 2024").</summary>
    private PartialPoint? Partial(int i)
    {
        if (!Free(i))
        {
            return null;
        }

        var token = tokens[i];
        if (token.Kind == TokenKind.IsoDate)
        {
            return DateOnly.TryParseExact(token.Text, "yyyy-M-d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new PartialPoint(PeriodKind.Day, day.Year, 0, day, i + 1, null)
                : new PartialPoint(PeriodKind.Day, null, 0, null, i + 1, $"'{token.Original}' is not a valid date.");
        }

        if (token.Kind == TokenKind.IsoMonth)
        {
            var parts = token.Text.Split('-');
            var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && year is >= MinYear and <= MaxYear
                ? new PartialPoint(PeriodKind.Month, year, month, null, i + 1, null)
                : new PartialPoint(PeriodKind.Month, null, 0, null, i + 1, $"'{token.Original}' is not a valid month.");
        }

        if (token.Text.Length == 2 && token.Text[0] == 'q' && char.IsAsciiDigit(token.Text[1]))
        {
            var quarter = token.Text[1] - '0';
            return quarter is >= 1 and <= 4
                ? WithYear(PeriodKind.Quarter, quarter, i + 1)
                : new PartialPoint(PeriodKind.Quarter, null, 0, null, i + 1, $"'{token.Original}' is not a quarter; quarters are Q1 to Q4.");
        }

        if (QuarterOrdinals.TryGetValue(token.Text, out var ordinal) && Is(i + 1, "quarter"))
        {
            return WithYear(PeriodKind.Quarter, ordinal, i + 2);
        }

        if (MonthNames.TryGetValue(token.Text, out var monthNumber))
        {
            var withYear = WithYear(PeriodKind.Month, monthNumber, i + 1);
            // "may" is usually the verb: a month only with its year.
            return token.Text == "may" && withYear.Year is null ? null : withYear;
        }

        var introduced = token.Text == "year" && Year(i + 1) is not null ? 1 : 0;
        if (Year(i + introduced) is { } y)
        {
            var next = i + introduced + 1;
            if (introduced == 0 && Free(next) && tokens[next].Text is ['q', >= '1' and <= '4'])
            {
                return new PartialPoint(PeriodKind.Quarter, y, tokens[next].Text[1] - '0', null, next + 1, null);
            }

            return new PartialPoint(PeriodKind.Year, y, 0, null, next, null);
        }

        if (token.Kind == TokenKind.Number && token.Text.Length == 4 && YearIntroducers.Contains(Text(i - 1)))
        {
            return new PartialPoint(PeriodKind.Year, null, 0, null, i + 1, $"'{token.Original}' is not a year this engine reads ({MinYear} to {MaxYear}).");
        }

        return null;
    }

    private PartialPoint WithYear(PeriodKind kind, int part, int next)
    {
        var at = Is(next, "of") || Free(next) && tokens[next].Kind == TokenKind.Comma ? next + 1 : next;
        return Year(at) is { } year
            ? new PartialPoint(kind, year, part, null, at + 1, null)
            : new PartialPoint(kind, null, part, null, next, null);
    }

    private int? Year(int i) =>
        Free(i) && tokens[i].Kind == TokenKind.Number && tokens[i].Text.Length == 4 && tokens[i].TryGetInteger(out var year) &&
        year is >= MinYear and <= MaxYear
            ? year
            : null;

    private int? Count(int i)
    {
        if (!Free(i))
        {
            return null;
        }

        if (tokens[i].Kind == TokenKind.Number)
        {
            return tokens[i].TryGetInteger(out var n) && n <= 10_000 ? n : null;
        }

        return Words.Numbers.TryGetValue(tokens[i].Text, out var word) ? word : null;
    }

    private Period ToDate(TimeGrain grain) => Containing(today, grain) with { End = today, Kind = PeriodKind.Range };

    private static Period Containing(DateOnly day, TimeGrain grain) => grain switch
    {
        TimeGrain.Day => new Period(day, day, PeriodKind.Day),
        TimeGrain.Week => Period.Week(day),
        TimeGrain.Month => Period.Month(day.Year, day.Month),
        TimeGrain.Quarter => Period.Quarter(day.Year, (day.Month - 1) / 3 + 1),
        _ => Period.Year(day.Year),
    };

    private static DateOnly Shift(DateOnly day, TimeGrain unit, int count) => unit switch
    {
        TimeGrain.Day => day.AddDays(count),
        TimeGrain.Week => day.AddDays(7 * count),
        TimeGrain.Month => day.AddMonths(count),
        TimeGrain.Quarter => day.AddMonths(3 * count),
        _ => day.AddYears(count),
    };

    private bool Free(int i) => i >= 0 && i < tokens.Count && isFree(i);

    private string Text(int i) => Free(i) ? tokens[i].Text : string.Empty;

    private string Stem(int i) => Free(i) ? tokens[i].Stem : string.Empty;

    private bool Is(int i, string word) => Text(i) == word;

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A point in time as written; <see cref="Next"/> is the index after its last token.</summary>
    private sealed record PartialPoint(PeriodKind Kind, int? Year, int Part, DateOnly? Day, int Next, string? Error)
    {
        public TimeMatch ErrorAt(int start) => new(start, Next - start, Error: Error);

        public (Period? Period, string? Error) Resolve(int? yearHint)
        {
            if (Error is not null)
            {
                return (null, Error);
            }

            var year = Year ?? yearHint;
            return Kind switch
            {
                PeriodKind.Day => (new Period(Day!.Value, Day.Value, PeriodKind.Day), null),
                PeriodKind.Year => (Period.Year(year!.Value), null),
                _ when year is null => (null, Kind == PeriodKind.Month
                    ? $"Say which year {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Part)} is in, for example '{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Part)} 2025'."
                    : $"Say which year Q{Part} is in, for example 'Q{Part} 2025'."),
                PeriodKind.Month => (Period.Month(year.Value, Part), null),
                _ => (Period.Quarter(year.Value, Part), null),
            };
        }
    }
}
