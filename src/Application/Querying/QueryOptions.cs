using System.ComponentModel.DataAnnotations;

namespace Kurobe.Application.Querying;

/// <summary>Limits and defaults for running SQL.</summary>
public sealed class QueryOptions
{
    public const string SectionName = "Kurobe:Query";

    /// <summary>Rows <c>runQuery</c> returns when the request gives no <c>maxRows</c>.</summary>
    [Range(1, int.MaxValue)]
    public int DefaultMaxRows { get; set; } = 10_000;

    /// <summary>The most rows one <c>runQuery</c> may return; larger results belong in <c>queryStream</c>.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = 100_000;

    /// <summary>The most rows one <c>queryStream</c> may deliver, and its default.</summary>
    [Range(1, int.MaxValue)]
    public int MaxStreamRows { get; set; } = 100_000_000;

    /// <summary>Rows in the first streamed batch: small, so the first rows reach the client quickly.</summary>
    [Range(1, 1_000_000)]
    public int FirstBatchRows { get; set; } = 100;

    /// <summary>Rows per streamed batch once the stream is flowing.</summary>
    [Range(1, 1_000_000)]
    public int BatchRows { get; set; } = 2_000;

    [Range(1, 86_400)]
    public int DefaultTimeoutSeconds { get; set; } = 30;

    /// <summary>The longest time limit a request may ask for.</summary>
    [Range(1, 86_400)]
    public int MaxTimeoutSeconds { get; set; } = 300;

    /// <summary>The most bytes of encoded rows one <c>runQuery</c> returns; a larger result is cut short and marked truncated.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxResultBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The longest SQL text accepted, in characters.</summary>
    [Range(1, 10_000_000)]
    public int MaxSqlLength { get; set; } = 100_000;
}
