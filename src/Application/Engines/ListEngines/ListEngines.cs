using Kurobe.Domain.Tenancy;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Engines.Ports;
using Mediator;

namespace Kurobe.Application.Engines.ListEngines;

/// <summary>Every configured engine profile, with what serves it and whether it answers.</summary>
[RequiresRole(Role.Viewer)]
public sealed record ListEnginesQuery : IQuery<IReadOnlyList<EngineStatus>>;

public sealed class ListEnginesQueryHandler(IEngineRegistry registry) : IQueryHandler<ListEnginesQuery, IReadOnlyList<EngineStatus>>
{
    public ValueTask<IReadOnlyList<EngineStatus>> Handle(ListEnginesQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EngineStatus>>(
            [.. registry.Statuses.OrderBy(s => s.Kind).ThenBy(s => s.Profile, StringComparer.Ordinal)]);
}
