using System.Security.Cryptography;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Security;

/// <summary>The current and previous encryption keys, from configuration or the generated key file.</summary>
internal sealed partial class SecretKeyRing
{
    public SecretKeyRing(IOptions<SecretsOptions> options, IOptions<StorageOptions> storage, ILogger<SecretKeyRing> logger)
    {
        var settings = options.Value;
        Current = string.IsNullOrWhiteSpace(settings.EncryptionKey)
            ? LoadOrCreateKeyFile(Path.Combine(storage.Value.ResolveDataDirectory(), SecretsOptions.KeyFileName), logger)
            : Decode(settings.EncryptionKey, "Kurobe:Secrets:EncryptionKey");
        Previous = [.. settings.PreviousKeys.Select((key, i) => Decode(key, $"Kurobe:Secrets:PreviousKeys:{i}"))];
    }

    public byte[] Current { get; }

    public IReadOnlyList<byte[]> Previous { get; }

    private static byte[] Decode(string base64, string setting)
    {
        try
        {
            return Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException exception)
        {
            throw new CryptographicException($"{setting} must be base64 (for example the output of `openssl rand -base64 32`).", exception);
        }
    }

    private static byte[] LoadOrCreateKeyFile(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs.
            return Decode(File.ReadAllText(path), path);
        }

        LogGenerated(logger, path);
        return key;
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "Generated an encryption key for data source credentials at {Path}. Back it up, or set Kurobe:Secrets:EncryptionKey; without it stored credentials cannot be read.")]
    private static partial void LogGenerated(ILogger logger, string path);
}
