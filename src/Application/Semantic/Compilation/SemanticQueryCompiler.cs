using Kurobe.Application.Semantic.Ports;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;

namespace Kurobe.Application.Semantic.Compilation;

/// <summary>
/// Compiles semantic queries to one read-only SELECT for DuckDB, PostgreSQL or Trino. Pure: the same model, query and
/// dialect always give the same text, which makes it usable as a cache key.
/// </summary>
/// <remarks>
/// Joins start at the measures' entity and take only the relationships the query needs. A measure whose rows a
/// to-many join would repeat is computed apart, over the distinct keys of its entity, and the parts are combined on the
/// dimension columns; docs/semantic-layer.md shows the shapes.
/// </remarks>
public sealed class SemanticQueryCompiler : ISemanticQueryCompiler
{
    public CompiledSemanticQuery Compile(SemanticModel model, SemanticQuery query, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        if (!Enum.IsDefined(dialect))
        {
            throw new SemanticQueryException($"The SQL dialect {dialect} is not supported.");
        }

        var plan = SemanticQueryPlan.Create(new SemanticModelIndex(model), query, dialect);
        return new CompiledSemanticQuery(SemanticSqlWriter.Write(plan), plan.Columns);
    }
}
