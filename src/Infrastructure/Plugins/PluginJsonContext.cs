using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kurobe.Infrastructure.Plugins;

[JsonSerializable(typeof(JsonObject))]
internal sealed partial class PluginJsonContext : JsonSerializerContext;
