using Kurobe.Domain.Tenancy;
using Kurobe.Application.Asking.Ports;
using Kurobe.Application.Common.Security;
using Kurobe.Domain.DataSources;
using Mediator;

namespace Kurobe.Application.Asking.ListVerifiedExamples;

/// <summary>The caller's tenant's verified examples for a source, newest first.</summary>
[RequiresRole(Role.Viewer)]
public sealed record ListVerifiedExamplesQuery(DataSourceId DataSourceId) : IQuery<IReadOnlyList<VerifiedExampleEntry>>;

public sealed class ListVerifiedExamplesQueryHandler(IVerifiedExampleStore examples, ICurrentPrincipal principal)
    : IQueryHandler<ListVerifiedExamplesQuery, IReadOnlyList<VerifiedExampleEntry>>
{
    public async ValueTask<IReadOnlyList<VerifiedExampleEntry>> Handle(ListVerifiedExamplesQuery query, CancellationToken cancellationToken) =>
        await examples.ListAsync(principal.Required().TenantId, query.DataSourceId, cancellationToken);
}
