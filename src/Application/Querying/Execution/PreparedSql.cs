using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Querying.Execution;

/// <summary>SQL that passed the statement gate, bound to its source and time limit, not yet started.</summary>
public sealed record PreparedSql(DataSource Source, GatedStatement Statement, TimeSpan TimeLimit);
