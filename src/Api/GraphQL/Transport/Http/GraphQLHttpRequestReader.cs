using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Kurobe.Api.GraphQL.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Kurobe.Api.GraphQL.Transport.Http;

/// <summary>A GraphQL request read off HTTP, or why it could not be read.</summary>
internal readonly record struct HttpRequestReading(GraphQLRequest? Request, int StatusCode, string? ErrorCode, string? ErrorMessage)
{
    public static HttpRequestReading Read(GraphQLRequest request) => new(request, StatusCodes.Status200OK, null, null);

    public static HttpRequestReading Fail(int statusCode, string code, string message) => new(null, statusCode, code, message);
}

/// <summary>
/// Reads GraphQL-over-HTTP requests: POST with an <c>application/json</c> body, GET with URL parameters.
/// Every parameter is checked for its JSON type so that malformed requests get a 400 that says what is wrong.
/// </summary>
internal static class GraphQLHttpRequestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static HttpRequestReading FromQueryString(IQueryCollection query, IGraphQLSerializer serializer)
    {
        if (!TrySingle(query, "query", out var text, out var failure)
            || !TrySingle(query, "operationName", out var operationName, out failure)
            || !TrySingle(query, "variables", out var variables, out failure)
            || !TrySingle(query, "extensions", out var extensions, out failure))
        {
            return failure;
        }

        if (string.IsNullOrEmpty(text))
        {
            return MissingQuery();
        }

        var request = new GraphQLRequest { Query = text, OperationName = operationName };
        if (!TryParseMap(variables, "variables", serializer, out var variableInputs, out failure)
            || !TryParseMap(extensions, "extensions", serializer, out var extensionInputs, out failure))
        {
            return failure;
        }

        request.Variables = variableInputs;
        request.Extensions = extensionInputs;
        return HttpRequestReading.Read(request);
    }

    public static async Task<HttpRequestReading> FromBodyAsync(HttpRequest request, int maxBytes, IGraphQLSerializer serializer, CancellationToken cancellationToken)
    {
        if (CheckContentType(request.ContentType) is { } unsupported)
        {
            return unsupported;
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes + 1L));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return TooLarge(maxBytes);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            return length == 0
                ? HttpRequestReading.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body is empty; send a JSON object with a 'query'.")
                : Parse(buffer.AsMemory(0, length), serializer);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static HttpRequestReading? CheckContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return HttpRequestReading.Fail(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "The request has no Content-Type; send the body as application/json.");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return HttpRequestReading.Fail(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"Content-Type '{contentType}' is not supported; send the body as application/json.");
        }

        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return HttpRequestReading.Fail(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"Charset '{mediaType.Charset}' is not supported; send the body as UTF-8.");
        }

        return null;
    }

    private static HttpRequestReading Parse(ReadOnlyMemory<byte> body, IGraphQLSerializer serializer)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return HttpRequestReading.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The request body is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return HttpRequestReading.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Batched requests are not supported; send one request object.");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return HttpRequestReading.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body must be a JSON object with a 'query'.");
            }

            if (!TryString(root, "query", out var query, out var failure)
                || !TryString(root, "operationName", out var operationName, out failure)
                || !TryMap(root, "variables", serializer, out var variables, out failure)
                || !TryMap(root, "extensions", serializer, out var extensions, out failure))
            {
                return failure;
            }

            return string.IsNullOrEmpty(query)
                ? MissingQuery()
                : HttpRequestReading.Read(new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions });
        }
    }

    private static bool TryString(JsonElement root, string name, out string? value, out HttpRequestReading failure)
    {
        value = null;
        failure = default;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            failure = InvalidParameter(name, "a string");
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static bool TryMap(JsonElement root, string name, IGraphQLSerializer serializer, out Inputs? value, out HttpRequestReading failure)
    {
        value = null;
        failure = default;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            failure = InvalidParameter(name, "an object");
            return false;
        }

        value = serializer.ReadNode<Inputs>(element);
        return true;
    }

    private static bool TryParseMap(string? json, string name, IGraphQLSerializer serializer, out Inputs? value, out HttpRequestReading failure)
    {
        value = null;
        failure = default;
        if (string.IsNullOrEmpty(json))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                failure = InvalidParameter(name, "a JSON object");
                return false;
            }

            value = serializer.ReadNode<Inputs>(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            failure = InvalidParameter(name, "a JSON object");
            return false;
        }
    }

    private static bool TrySingle(IQueryCollection query, string name, out string? value, out HttpRequestReading failure)
    {
        failure = default;
        var values = query[name];
        value = values.Count == 0 ? null : values[0];
        if (values.Count > 1)
        {
            failure = HttpRequestReading.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The '{name}' parameter was given more than once.");
            return false;
        }

        return true;
    }

    private static HttpRequestReading MissingQuery() =>
        HttpRequestReading.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request has no 'query'; send a GraphQL document in it.");

    private static HttpRequestReading InvalidParameter(string name, string expected) =>
        HttpRequestReading.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The '{name}' parameter must be {expected} when present.");

    private static HttpRequestReading TooLarge(int maxBytes) =>
        HttpRequestReading.Fail(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"The request body is larger than {maxBytes:N0} bytes.");
}
