namespace Kurobe.Infrastructure.Persistence.Asking;

/// <summary>A row of <c>ask_history</c>: one question asked, its outcome and the feedback it got.</summary>
internal sealed class AskHistoryRow
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string PrincipalId { get; set; } = "";

    public Guid? DataSourceId { get; set; }

    public string Question { get; set; } = "";

    public string? Sql { get; set; }

    /// <summary>answered, refused, failed or cancelled.</summary>
    public string Outcome { get; set; } = "";

    public string? ProblemCode { get; set; }

    public string? EngineProvider { get; set; }

    public string? EngineProfile { get; set; }

    public double DurationMs { get; set; }

    public long RowCount { get; set; }

    /// <summary>up or down, once someone gave feedback.</summary>
    public string? Rating { get; set; }

    public string? CorrectedSql { get; set; }

    public DateTimeOffset? FeedbackAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A row of <c>verified_examples</c>: a question and SQL a person verified, for one tenant and source.</summary>
internal sealed class VerifiedExampleRow
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid DataSourceId { get; set; }

    public string Question { get; set; } = "";

    public string Sql { get; set; } = "";

    public Guid? AskId { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
