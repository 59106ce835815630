using Kurobe.Application.Identity;

namespace Kurobe.Application.UnitTests.Identity;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_generated_key_parses_back_into_its_lookup_id_and_a_secret_matching_its_hash()
    {
        var (key, lookupId, hash) = ApiKeySecret.Generate();

        ApiKeySecret.TryParse(key, out var parsedId, out var secret).ShouldBeTrue();

        parsedId.ShouldBe(lookupId);
        key.ShouldStartWith($"kb_{lookupId}_");
        ApiKeySecret.Matches(secret!, hash).ShouldBeTrue();
        ApiKeySecret.Matches(secret![..^1] + (secret[^1] == 'a' ? 'b' : 'a'), hash).ShouldBeFalse();
    }

    [Fact]
    public void Generated_keys_differ()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeySecret.Generate().Key).ToHashSet();

        keys.Count.ShouldBe(100);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("kb_")]
    [InlineData("xx_TestBootstrap001_FunctionalTestsOwnerKeyOfTheDefaultTenant00")]
    [InlineData("kb_TestBootstrap001-FunctionalTestsOwnerKeyOfTheDefaultTenant00")]
    [InlineData("kb_TestBootstrap00__FunctionalTestsOwnerKeyOfTheDefaultTenant00")]
    [InlineData("kb_TestBootstrap001_FunctionalTestsOwnerKeyOfTheDefaultTenant0")]
    [InlineData("kb_TestBootstrap001_FunctionalTestsOwnerKeyOfTheDefaultTenant000")]
    [InlineData("kb_TestBootstrap001_FunctionalTestsOwnerKeyOfTheDefaultTenant0=")]
    public void Anything_but_the_exact_format_is_not_a_key(string? text) =>
        ApiKeySecret.TryParse(text, out _, out _).ShouldBeFalse();
}
