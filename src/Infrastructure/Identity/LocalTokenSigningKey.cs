using System.Security.Cryptography;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Kurobe.Infrastructure.Identity;

/// <summary>The key that signs Kurobe's own tokens: from configuration, or generated once into the data directory.</summary>
internal sealed partial class LocalTokenSigningKey
{
    private const int MinimumKeyBytes = 32;

    public LocalTokenSigningKey(IOptions<LocalTokenOptions> options, IOptions<StorageOptions> storage, ILogger<LocalTokenSigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        var bytes = string.IsNullOrWhiteSpace(configured)
            ? LoadOrCreate(Path.Combine(storage.Value.ResolveDataDirectory(), LocalTokenOptions.KeyFileName), logger)
            : Decode(configured, $"{LocalTokenOptions.SectionName}:SigningKey");
        Key = new SymmetricSecurityKey(bytes) { KeyId = "kurobe-local" };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] Decode(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{source} must be base64 (for example the output of `openssl rand -base64 32`).", exception);
        }

        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new InvalidOperationException($"{source} must hold at least {MinimumKeyBytes} bytes.");
    }

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
        try
        {
            OwnerOnlyFile.Write(path, Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs.
            return Decode(File.ReadAllText(path), path);
        }

        LogGenerated(logger, path);
        return key;
    }

    [LoggerMessage(EventId = 4400, Level = LogLevel.Information,
        Message = "Generated the signing key of local login tokens at {Path}. Nodes of a cluster must share it: set Kurobe:Auth:LocalTokens:SigningKey.")]
    private static partial void LogGenerated(ILogger logger, string path);
}

/// <summary>Creates files that only their owner can read (0600 on Unix).</summary>
internal static class OwnerOnlyFile
{
    /// <summary>Creates the file; throws <see cref="IOException"/> when it exists already.</summary>
    public static void Write(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(content);
    }
}
