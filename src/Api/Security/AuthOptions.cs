namespace Kurobe.Api.Security;

/// <summary>How callers of the API are authenticated. Methods are configured in the sections below this one.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Kurobe:Auth";

    /// <summary>
    /// Lets requests without credentials in, as the default tenant's owner. Honoured only in the Development
    /// environment; ignored (with a warning) anywhere else.
    /// </summary>
    public bool AllowAnonymous { get; set; }
}

/// <summary>Cross-origin requests from browsers (CORS).</summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "Kurobe:Cors";

    /// <summary>Origins (scheme://host[:port]) whose pages may call the API; none by default.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}

/// <summary>Limits of the HTTP server itself.</summary>
public sealed class HttpServerOptions
{
    public const string SectionName = "Kurobe:Http";

    /// <summary>The largest request body Kestrel accepts on any endpoint (GraphQL caps its own bodies lower).</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 1_073_741_824)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}
