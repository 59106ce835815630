using System.Security.Cryptography;
using System.Text;

namespace Kurobe.Domain.DataSources;

public readonly record struct DataSourceId(Guid Value)
{
    // Sources declared in configuration have no stored row to carry an id, so the id is derived from the name:
    // it stays the same across restarts and machines, and clients can keep it.
    private static readonly Guid ConfiguredSourceNamespace = new("6f1d3c1e-8a2b-4e47-9a51-0b7c2a1f4d93");

    public static DataSourceId ForConfiguredSource(DataSourceName name) =>
        new(NameBasedGuid(ConfiguredSourceNamespace, name.Value));

    public static bool TryParse(string? text, out DataSourceId id)
    {
        var parsed = Guid.TryParse(text, out var guid);
        id = new DataSourceId(guid);
        return parsed;
    }

    public override string ToString() => Value.ToString("D");

    /// <summary>An RFC 9562 version 5 (SHA-1, name-based) UUID.</summary>
    private static Guid NameBasedGuid(Guid namespaceId, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5 UUIDs; it is not used for security here.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
