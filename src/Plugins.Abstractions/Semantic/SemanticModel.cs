namespace Kurobe.Plugins.Abstractions.Semantic;

/// <summary>
/// What a data source's data means: entities on tables, how they relate, and the measures and dimensions people ask
/// about, with the words they use for them.
/// </summary>
/// <param name="Name">The model's name, for example <c>retail</c>.</param>
/// <param name="Description">What the data covers, for people and language models.</param>
/// <param name="Entities">The entities, each on one table.</param>
/// <param name="Relationships">How entities join.</param>
/// <param name="Measures">Aggregations people ask for.</param>
/// <param name="Dimensions">What results are grouped and filtered by.</param>
public sealed record SemanticModel(
    string Name,
    string? Description,
    IReadOnlyList<SemanticEntity> Entities,
    IReadOnlyList<SemanticRelationship> Relationships,
    IReadOnlyList<SemanticMeasure> Measures,
    IReadOnlyList<SemanticDimension> Dimensions);

/// <summary>An entity: one table, under an alias the model's expressions use.</summary>
/// <param name="Name">The entity's name, for example <c>order_items</c>.</param>
/// <param name="Table">The table, qualified as the source needs it.</param>
/// <param name="Alias">The alias expressions use for the table, for example <c>oi</c>.</param>
/// <param name="PrimaryKey">The key columns.</param>
/// <param name="Description">What one row is.</param>
public sealed record SemanticEntity(string Name, string Table, string Alias, IReadOnlyList<string> PrimaryKey, string? Description);

/// <summary>How rows of one entity relate to rows of another.</summary>
public enum Cardinality
{
    /// <summary>Each row on the left has at most one row on the right, and the other way round.</summary>
    OneToOne,

    /// <summary>Each row on the left has any number of rows on the right.</summary>
    OneToMany,

    /// <summary>Many rows on the left share one row on the right.</summary>
    ManyToOne,
}

/// <summary>A join between two entities.</summary>
/// <param name="From">The entity on the left.</param>
/// <param name="To">The entity on the right.</param>
/// <param name="FromColumns">The left entity's key columns.</param>
/// <param name="ToColumns">The right entity's matching columns, in the same order.</param>
/// <param name="Cardinality">How many rows match on each side.</param>
public sealed record SemanticRelationship(
    string From,
    string To,
    IReadOnlyList<string> FromColumns,
    IReadOnlyList<string> ToColumns,
    Cardinality Cardinality);

/// <summary>An aggregation, for example revenue.</summary>
/// <param name="Name">The measure's name, for example <c>revenue</c>.</param>
/// <param name="Expression">
/// The SQL aggregation over entity aliases (<c>SUM(oi.quantity * oi.unit_price)</c>), or an expression over other
/// measures by name (<c>revenue - cost</c>) when <paramref name="IsDerived"/>.
/// </param>
/// <param name="IsDerived">True when the expression combines other measures rather than aggregating columns.</param>
/// <param name="Filter">An optional SQL condition limiting the rows aggregated.</param>
/// <param name="Format">How values read, for example <c>currency</c>, <c>percent</c> or <c>integer</c>.</param>
/// <param name="Synonyms">Other words people use for it.</param>
/// <param name="Description">What it means.</param>
public sealed record SemanticMeasure(
    string Name,
    string Expression,
    bool IsDerived,
    string? Filter,
    string? Format,
    IReadOnlyList<string> Synonyms,
    string? Description);

/// <summary>The granularity a time dimension is truncated to.</summary>
public enum TimeGrain
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO weeks, starting on Monday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Calendar quarters.</summary>
    Quarter,

    /// <summary>Calendar years.</summary>
    Year,
}

/// <summary>What a dimension's values are.</summary>
public enum DimensionType
{
    /// <summary>Names and codes.</summary>
    Categorical,

    /// <summary>Dates and times; grouped by a <see cref="TimeGrain"/>.</summary>
    Time,

    /// <summary>Numbers used as groups (a price band, a rating).</summary>
    Numeric,

    /// <summary>True or false.</summary>
    Boolean,
}

/// <summary>Something to group or filter by, for example the product category.</summary>
/// <param name="Name">The dimension's name, for example <c>category</c>.</param>
/// <param name="Entity">The entity it belongs to.</param>
/// <param name="Expression">A column or SQL expression over the entity's alias.</param>
/// <param name="Type">What its values are.</param>
/// <param name="TimeGrains">For time dimensions, the grains it may be grouped by.</param>
/// <param name="Synonyms">Other words people use for it.</param>
/// <param name="ValueSynonyms">Other words for particular values: <c>"US" -> "United States"</c>.</param>
/// <param name="Description">What it means.</param>
public sealed record SemanticDimension(
    string Name,
    string Entity,
    string Expression,
    DimensionType Type,
    IReadOnlyList<TimeGrain> TimeGrains,
    IReadOnlyList<string> Synonyms,
    IReadOnlyDictionary<string, string> ValueSynonyms,
    string? Description);
