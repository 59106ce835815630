using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Ports;

/// <summary>Turns a semantic query into SQL for one dialect, joining only what the query needs.</summary>
public interface ISemanticQueryCompiler
{
    /// <summary>
    /// Compiles <paramref name="query"/> against <paramref name="model"/>. Throws <see cref="SemanticQueryException"/>
    /// when the query names what the model does not have or combines what cannot be combined.
    /// </summary>
    CompiledSemanticQuery Compile(SemanticModel model, SemanticQuery query, SqlDialect dialect);
}

/// <summary>SQL for a semantic query, and what each output column is.</summary>
public sealed record CompiledSemanticQuery(string Sql, IReadOnlyList<CompiledColumn> Columns);

/// <summary>Whether an output column is a dimension (grouped by) or a measure (aggregated).</summary>
public enum CompiledColumnRole
{
    Dimension,

    Measure,
}

/// <summary>One output column of a compiled query.</summary>
/// <param name="Name">The column name in the SQL result.</param>
/// <param name="Field">The measure or dimension it comes from.</param>
/// <param name="Role">Dimension or measure.</param>
/// <param name="Grain">The time grain, for a time dimension.</param>
public sealed record CompiledColumn(string Name, string Field, CompiledColumnRole Role, TimeGrain? Grain);

/// <summary>A semantic query the model cannot answer; each problem says what and why.</summary>
public sealed class SemanticQueryException : Exception
{
    public SemanticQueryException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) =>
        Problems = problems;

    public SemanticQueryException(string message)
        : this([message])
    {
    }

    public SemanticQueryException()
        : this("The semantic query is not valid.")
    {
    }

    public SemanticQueryException(string message, Exception innerException)
        : base(message, innerException) =>
        Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
