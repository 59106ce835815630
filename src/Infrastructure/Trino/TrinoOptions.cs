using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.Trino;

/// <summary>How Kurobe talks to Trino coordinators over their HTTP protocol.</summary>
public sealed class TrinoOptions
{
    public const string SectionName = "Kurobe:Trino";

    /// <summary>The longest wait for one HTTP request (a page of results), not for a whole query.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request answered 502, 503 or 504 (or, for result pages, not answered at all), waiting attempts x 100 ms, at most 2 s, between them.</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 10;

    /// <summary>Sent as <c>X-Trino-Source</c>, so Trino's query list shows where queries come from.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Kurobe:Trino:ClientName must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string ClientName { get; set; } = "kurobe";
}
