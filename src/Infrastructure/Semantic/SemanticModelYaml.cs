namespace Kurobe.Infrastructure.Semantic;

// The YAML shape of a semantic model file (docs/semantic-layer.md). Keys are snake_case; unknown keys are errors.
internal sealed class SemanticModelYaml
{
    public string? DataSource { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, EntityYaml?>? Entities { get; set; }

    public List<RelationshipYaml?>? Relationships { get; set; }

    public Dictionary<string, MeasureYaml?>? Measures { get; set; }

    public Dictionary<string, DimensionYaml?>? Dimensions { get; set; }
}

internal sealed class EntityYaml
{
    public string? Table { get; set; }

    public string? Alias { get; set; }

    public List<string>? PrimaryKey { get; set; }

    public string? Description { get; set; }
}

internal sealed class RelationshipYaml
{
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>Pairs of columns, the <c>from</c> entity's column first: <c>{ order_id: order_id }</c>.</summary>
    public Dictionary<string, string>? On { get; set; }

    public List<string>? FromColumns { get; set; }

    public List<string>? ToColumns { get; set; }

    public string? Cardinality { get; set; }
}

internal sealed class MeasureYaml
{
    public string? Entity { get; set; }

    public string? Expression { get; set; }

    public bool Derived { get; set; }

    public string? Filter { get; set; }

    public string? Format { get; set; }

    public List<string>? Synonyms { get; set; }

    public string? Description { get; set; }
}

internal sealed class DimensionYaml
{
    public string? Entity { get; set; }

    public string? Expression { get; set; }

    public string? Column { get; set; }

    public string? Type { get; set; }

    public List<string>? Grains { get; set; }

    public List<string>? Synonyms { get; set; }

    public Dictionary<string, string>? Values { get; set; }

    public string? Description { get; set; }
}
