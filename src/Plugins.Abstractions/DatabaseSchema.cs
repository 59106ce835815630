namespace Kurobe.Plugins.Abstractions;

/// <summary>The tables and columns a data source exposes, as its engine describes them.</summary>
/// <param name="Tables">Tables and views, ordered by schema and name.</param>
public sealed record DatabaseSchema(IReadOnlyList<TableSchema> Tables);

/// <summary>One table or view.</summary>
/// <param name="Schema">The schema (namespace) holding the table; for Trino, <c>catalog.schema</c>.</param>
/// <param name="Name">The table's name.</param>
/// <param name="IsView">True for views.</param>
/// <param name="RowEstimate">The engine's estimate of the row count, when it keeps one.</param>
/// <param name="Description">The table's comment, when it has one.</param>
/// <param name="Columns">Columns in their declared order.</param>
public sealed record TableSchema(
    string Schema,
    string Name,
    bool IsView,
    long? RowEstimate,
    string? Description,
    IReadOnlyList<ColumnSchema> Columns);

/// <summary>One column of a table.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">The engine's own name for the type, for example <c>DECIMAL(10,2)</c>.</param>
/// <param name="Kind">The engine-independent kind of the values.</param>
/// <param name="Nullable">False when the engine guarantees a value.</param>
/// <param name="Description">The column's comment, when it has one.</param>
public sealed record ColumnSchema(string Name, string Type, ValueKind Kind, bool Nullable, string? Description);
