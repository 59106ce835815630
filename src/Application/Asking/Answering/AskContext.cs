using Kurobe.Application.Common.Security;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Application.Asking.Answering;

/// <summary>Everything an engine is told about a question: the source, its model, schema, values and examples.</summary>
public sealed record AskContext(
    Guid AskId,
    string Question,
    Principal Principal,
    DataSource Source,
    SqlDialect Dialect,
    SemanticModelDocument? Model,
    DatabaseSchema Schema,
    IReadOnlyDictionary<string, IReadOnlyList<string>> KnownValues,
    IReadOnlyList<VerifiedExample> Examples,
    DateOnly ReferenceDate,
    string? EngineProfile,
    long StartedAt,
    double PrepareMs);

/// <summary>What the engine produced: SQL that passed the gate and the source's check, or the problems.</summary>
/// <param name="Sql">The checked SQL, ready to run; null when there is none.</param>
/// <param name="LastSql">The last SQL the engine wrote, checked or not, for history.</param>
public sealed record Generation(
    string? Sql,
    string? LastSql,
    IReadOnlyList<AskProblem> Problems,
    AskEngine? Engine,
    string? Explanation,
    double? Confidence,
    AskUsage? Usage,
    int Corrections,
    double EngineMs,
    double CheckMs);
