using Kurobe.Api.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.FunctionalTests.Hosting;

/// <summary>Every setting is validated when the server starts: a bad value stops it with a message naming the setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Kurobe:GraphQL:MaxQueryDepth", "0")]
    [InlineData("Kurobe:GraphQL:MaxRequestBytes", "10")]
    [InlineData("Kurobe:GraphQL:ConnectionInitTimeout", "00:00:00")]
    [InlineData("Kurobe:Query:MaxTimeoutSeconds", "0")]
    [InlineData("Kurobe:Query:DefaultMaxRows", "500000")]
    [InlineData("Kurobe:Demo:Scale", "0")]
    [InlineData("Kurobe:DuckDb:MemoryLimit", "lots")]
    [InlineData("Kurobe:RateLimits:PerPrincipal:PermitLimit", "0")]
    [InlineData("Kurobe:Auth:LocalTokens:LifetimeMinutes", "0")]
    [InlineData("Kurobe:Http:MaxRequestBodyBytes", "10")]
    [InlineData("Kurobe:Auth:Jwt:ClockSkewSeconds", "-1")]
    public void An_invalid_setting_stops_the_server_at_start(string key, string value)
    {
        using var factory = new KurobeApiFactory().WithSetting(key, value);

        var error = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        error.Message.ShouldContain(key.Split(':')[^1]);
    }
}
