using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Kurobe.Api.FunctionalTests.Security;

/// <summary>An identity provider's JWKS endpoint on loopback Kestrel, serving the public halves of an RSA and an EC key.</summary>
public sealed class JwksFake : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JwksFake(WebApplication app, RSA rsa, ECDsa ec)
    {
        _app = app;
        Rsa = rsa;
        Ec = ec;
    }

    public RSA Rsa { get; }

    public ECDsa Ec { get; }

    public RsaSecurityKey RsaKey => new(Rsa) { KeyId = "rsa-1" };

    public ECDsaSecurityKey EcKey => new(Ec) { KeyId = "ec-1" };

    public Uri Url { get; private set; } = null!;

    public int Requests { get; private set; }

    public static async Task<JwksFake> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new JwksFake(app, rsa, ec);
        app.MapGet("/jwks.json", (HttpContext context) =>
        {
            fake.Requests++;
            var rsaJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "rsa-1" });
            var ecJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))) { KeyId = "ec-1" });
            rsaJwk.Use = ecJwk.Use = "sig";
            return Results.Json(new { keys = new object[] { Describe(rsaJwk), Describe(ecJwk) } });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Url = new Uri(address.TrimEnd('/') + "/jwks.json");
        return fake;
    }

    private static Dictionary<string, string?> Describe(JsonWebKey key) => key.Kty == JsonWebAlgorithmsKeyTypes.RSA
        ? new() { ["kty"] = key.Kty, ["kid"] = key.Kid, ["use"] = key.Use, ["alg"] = "RS256", ["n"] = key.N, ["e"] = key.E }
        : new() { ["kty"] = key.Kty, ["kid"] = key.Kid, ["use"] = key.Use, ["alg"] = "ES256", ["crv"] = key.Crv, ["x"] = key.X, ["y"] = key.Y };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Rsa.Dispose();
        Ec.Dispose();
    }
}
