using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.DataSources.Schema;

/// <summary>A source's schema and when it was read from the engine.</summary>
public sealed record SchemaSnapshot(DatabaseSchema Schema, DateTimeOffset ReadAt);
