using System.ComponentModel.DataAnnotations;

namespace Kurobe.Api.GraphQL;

/// <summary>Limits and behaviour of the GraphQL endpoint, over HTTP and over WebSocket.</summary>
internal sealed class GraphQLServerOptions
{
    public const string SectionName = "Kurobe:GraphQL";

    /// <summary>The endpoint's path, for HTTP requests and WebSocket upgrades alike.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Kurobe:GraphQL:Path must start with '/'.")]
    public string Path { get; set; } = "/graphql";

    /// <summary>The largest request body, and the largest WebSocket message, in bytes.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>The deepest selection nesting a document may have.</summary>
    [Range(1, 1_000)]
    public int MaxQueryDepth { get; set; } = 15;

    /// <summary>The most fields (weighted by list nesting) a document may select.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueryComplexity { get; set; } = 10_000;

    /// <summary>Operations one WebSocket connection may run at the same time.</summary>
    [Range(1, 10_000)]
    public int MaxOperationsPerConnection { get; set; } = 25;

    /// <summary>How long a new WebSocket may wait before sending <c>connection_init</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle WebSocket is pinged (WebSocket-level ping frames).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for the pong of a keep-alive ping before dropping the connection.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Streamed results sent but not yet written to the socket, per operation; the source waits beyond it.</summary>
    [Range(1, 1_000)]
    public int StreamWindow { get; set; } = 4;

    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Include exception details in error responses; null means only in the Development environment.</summary>
    public bool? ExposeExceptionDetails { get; set; }
}
