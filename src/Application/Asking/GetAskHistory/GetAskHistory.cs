using Kurobe.Domain.Tenancy;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FluentValidation;
using Kurobe.Application.Asking.Ports;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Mediator;

namespace Kurobe.Application.Asking.GetAskHistory;

/// <summary>The caller's tenant's asks, newest first, a page at a time.</summary>
/// <param name="First">How many asks, 1 to 100.</param>
/// <param name="After">The cursor of the last ask of the previous page.</param>
[RequiresRole(Role.Viewer)]
public sealed record GetAskHistoryQuery(int First, string? After) : IQuery<AskHistoryResult>;

/// <summary>A page of history and the cursor each entry can be continued from.</summary>
public sealed record AskHistoryResult(IReadOnlyList<AskHistoryEntry> Entries, bool HasNextPage)
{
    public string? EndCursor => Entries.Count > 0 ? Entries[^1].Cursor : null;
}

public sealed record AskHistoryEntry(AskRecord Ask, string Cursor);

public sealed class GetAskHistoryQueryValidator : AbstractValidator<GetAskHistoryQuery>
{
    public const int MaxPage = 100;

    public GetAskHistoryQueryValidator()
    {
        RuleFor(q => q.First).InclusiveBetween(1, MaxPage).WithName("first").WithMessage($"first must be between 1 and {MaxPage}.");
        RuleFor(q => q.After)
            .Must(after => after is null || AskHistoryCursor.TryParse(after, out _))
            .WithName("after")
            .WithMessage("after is not a cursor of askHistory.");
    }
}

public sealed class GetAskHistoryQueryHandler(IAskHistory history, ICurrentPrincipal principal) : IQueryHandler<GetAskHistoryQuery, AskHistoryResult>
{
    public async ValueTask<AskHistoryResult> Handle(GetAskHistoryQuery query, CancellationToken cancellationToken)
    {
        var tenant = principal.Required().TenantId;
        AskHistoryPosition? after = null;
        if (query.After is not null && !AskHistoryCursor.TryParse(query.After, out after))
        {
            throw new RequestValidationException([new InputFailure("after", "after is not a cursor of askHistory.")]);
        }

        var page = await history.ListAsync(tenant, query.First, after, cancellationToken);
        return new AskHistoryResult([.. page.Items.Select(a => new AskHistoryEntry(a, AskHistoryCursor.Of(a)))], page.HasNextPage);
    }
}

/// <summary>Opaque cursors: the ask's time and id, base64url-encoded.</summary>
public static class AskHistoryCursor
{
    public static string Of(AskRecord ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var text = $"{ask.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{ask.Id:N}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryParse(string cursor, out AskHistoryPosition? position)
    {
        position = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                position = new AskHistoryPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
