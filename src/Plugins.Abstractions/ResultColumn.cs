namespace Kurobe.Plugins.Abstractions;

/// <summary>One column of a query result.</summary>
/// <param name="Name">The column's name as the query produced it.</param>
/// <param name="SqlType">The engine's own name for the type, for example <c>DECIMAL(10,2)</c>.</param>
/// <param name="Kind">The engine-independent kind of the values.</param>
public sealed record ResultColumn(string Name, string SqlType, ValueKind Kind);
