using System.Text.RegularExpressions;
using Kurobe.Application.Semantic.Compilation;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions.Semantic;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Kurobe.Infrastructure.Semantic;

/// <summary>A semantic model file read: the model and its data source, or every problem found, each with its path.</summary>
internal sealed record SemanticModelReadResult(DataSourceName? DataSource, SemanticModel? Model, IReadOnlyList<string> Problems)
{
    public bool IsValid => DataSource is not null && Model is not null && Problems.Count == 0;
}

/// <summary>Reads the YAML format of docs/semantic-layer.md into a <see cref="SemanticModel"/>, and checks it.</summary>
internal static partial class SemanticModelYamlReader
{
    private static readonly IReadOnlyList<TimeGrain> AllGrains = Enum.GetValues<TimeGrain>();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static SemanticModelReadResult Read(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        SemanticModelYaml? document;
        try
        {
            document = Deserializer.Deserialize<SemanticModelYaml?>(yaml);
        }
        catch (YamlException ex)
        {
            return new SemanticModelReadResult(null, null, [Describe(ex)]);
        }

        if (document is null)
        {
            return new SemanticModelReadResult(null, null, ["the file is empty"]);
        }

        var problems = new List<string>();
        DataSourceName? dataSource = null;
        if (string.IsNullOrWhiteSpace(document.DataSource))
        {
            problems.Add("data_source: required: the name of the data source the model describes");
        }
        else if (!DataSourceName.IsValid(document.DataSource))
        {
            problems.Add($"data_source: '{document.DataSource}' is not a data source name (lowercase letters, digits, '_' or '-', starting with a letter)");
        }
        else
        {
            dataSource = DataSourceName.Create(document.DataSource);
        }

        var entities = Entities(document, problems);
        var declaredEntities = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var model = new SemanticModel(
            document.Name ?? string.Empty,
            document.Description,
            entities,
            Relationships(document, problems),
            Measures(document, declaredEntities, problems),
            Dimensions(document, entities, problems));

        problems.AddRange(SemanticModelRules.Check(model, declaredEntities).Select(p => p.ToString()));
        return new SemanticModelReadResult(dataSource, problems.Count == 0 ? model : null, problems);
    }

    private static List<SemanticEntity> Entities(SemanticModelYaml document, List<string> problems)
    {
        var entities = new List<SemanticEntity>();
        foreach (var (name, entity) in document.Entities ?? [])
        {
            if (entity is null)
            {
                problems.Add($"entities.{name}: expected a mapping with table, alias and primary_key");
                continue;
            }

            entities.Add(new SemanticEntity(name, entity.Table ?? name, entity.Alias ?? name, entity.PrimaryKey ?? [], entity.Description));
        }

        return entities;
    }

    private static List<SemanticRelationship> Relationships(SemanticModelYaml document, List<string> problems)
    {
        var relationships = new List<SemanticRelationship>();
        var list = document.Relationships ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"relationships[{i}]";
            if (list[i] is not { } relationship)
            {
                problems.Add($"{path}: expected a mapping with from, to, on and cardinality");
                continue;
            }

            if (relationship.From is null || relationship.To is null)
            {
                problems.Add($"{path}: 'from' and 'to' name the two entities");
                continue;
            }

            IReadOnlyList<string> fromColumns, toColumns;
            if (relationship.On is not null)
            {
                if (relationship.FromColumns is not null || relationship.ToColumns is not null)
                {
                    problems.Add($"{path}: give either 'on' or 'from_columns' and 'to_columns', not both");
                }

                fromColumns = [.. relationship.On.Keys];
                toColumns = [.. relationship.On.Values];
            }
            else
            {
                fromColumns = relationship.FromColumns ?? [];
                toColumns = relationship.ToColumns ?? [];
            }

            Cardinality cardinality;
            switch (relationship.Cardinality?.Trim().Replace('-', '_').ToLowerInvariant())
            {
                case "many_to_one":
                    cardinality = Cardinality.ManyToOne;
                    break;
                case "one_to_many":
                    cardinality = Cardinality.OneToMany;
                    break;
                case "one_to_one":
                    cardinality = Cardinality.OneToOne;
                    break;
                default:
                    problems.Add($"{path}.cardinality: {(relationship.Cardinality is null ? "required" : $"unknown cardinality '{relationship.Cardinality}'")}; use many_to_one, one_to_many or one_to_one");
                    continue;
            }

            relationships.Add(new SemanticRelationship(relationship.From, relationship.To, fromColumns, toColumns, cardinality));
        }

        return relationships;
    }

    private static List<SemanticMeasure> Measures(SemanticModelYaml document, Dictionary<string, string> declaredEntities, List<string> problems)
    {
        var measures = new List<SemanticMeasure>();
        foreach (var (name, measure) in document.Measures ?? [])
        {
            var path = $"measures.{name}";
            if (measure is null)
            {
                problems.Add($"{path}: expected a mapping with an expression");
                continue;
            }

            if (measure.Entity is not null)
            {
                if (measure.Derived)
                {
                    problems.Add($"{path}.entity: a derived measure combines other measures and has no entity of its own");
                }
                else
                {
                    declaredEntities[name] = measure.Entity;
                }
            }

            measures.Add(new SemanticMeasure(
                name, measure.Expression ?? string.Empty, measure.Derived, measure.Filter, measure.Format, measure.Synonyms ?? [], measure.Description));
        }

        return measures;
    }

    private static List<SemanticDimension> Dimensions(SemanticModelYaml document, List<SemanticEntity> entities, List<string> problems)
    {
        var dimensions = new List<SemanticDimension>();
        foreach (var (name, dimension) in document.Dimensions ?? [])
        {
            var path = $"dimensions.{name}";
            if (dimension is null)
            {
                problems.Add($"{path}: expected a mapping with an entity and an expression or column");
                continue;
            }

            if (dimension.Entity is null)
            {
                problems.Add($"{path}.entity: required: the entity the dimension belongs to");
                continue;
            }

            if (dimension.Expression is not null && dimension.Column is not null)
            {
                problems.Add($"{path}: give either 'expression' or 'column', not both");
                continue;
            }

            var alias = entities.FirstOrDefault(e => e.Name.Equals(dimension.Entity, StringComparison.OrdinalIgnoreCase))?.Alias ?? dimension.Entity;
            var expression = dimension.Expression ?? $"{alias}.{dimension.Column ?? name}";

            DimensionType type;
            switch (dimension.Type?.Trim().ToLowerInvariant())
            {
                case null or "categorical":
                    type = DimensionType.Categorical;
                    break;
                case "time":
                    type = DimensionType.Time;
                    break;
                case "numeric":
                    type = DimensionType.Numeric;
                    break;
                case "boolean":
                    type = DimensionType.Boolean;
                    break;
                default:
                    problems.Add($"{path}.type: unknown type '{dimension.Type}'; use categorical, time, numeric or boolean");
                    continue;
            }

            var grains = new List<TimeGrain>();
            foreach (var grain in dimension.Grains ?? [])
            {
                if (Enum.TryParse<TimeGrain>(grain, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !grain.Any(char.IsDigit))
                {
                    grains.Add(parsed);
                }
                else
                {
                    problems.Add($"{path}.grains: unknown grain '{grain}'; use day, week, month, quarter or year");
                }
            }

            if (dimension.Grains is null && type == DimensionType.Time)
            {
                grains.AddRange(AllGrains);
            }

            dimensions.Add(new SemanticDimension(
                name,
                dimension.Entity,
                expression,
                type,
                grains,
                dimension.Synonyms ?? [],
                dimension.Values ?? new Dictionary<string, string>(),
                dimension.Description));
        }

        return dimensions;
    }

    private static string Describe(YamlException exception)
    {
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = inner.Message;
        }

        if (UnknownKey().Match(message) is { Success: true } match)
        {
            message = $"unknown key '{match.Groups[1].Value}'";
        }

        return $"line {exception.Start.Line}, column {exception.Start.Column}: {message}";
    }

    [GeneratedRegex("Property '([^']*)' not found on type")]
    private static partial Regex UnknownKey();
}
