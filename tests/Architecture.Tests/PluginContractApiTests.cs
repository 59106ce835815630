using System.Reflection;

namespace Kurobe.Architecture.Tests;

/// <summary>
/// Kurobe.Plugins.Abstractions is what third parties compile against, so its public API is a contract: any change must
/// show up as a reviewed diff of src/Plugins.Abstractions/PublicAPI.txt. When the API differs, the test writes
/// PublicAPI.received.txt beside it and fails; if the change is intended (and compatible, or announced as breaking),
/// copy the received file over PublicAPI.txt, or run the tests once with KUROBE_ACCEPT_API=1.
/// </summary>
public sealed class PluginContractApiTests
{
    [Fact]
    public void The_public_api_matches_the_committed_PublicAPI_txt()
    {
        var printed = Print(Layers.PluginsAbstractions);
        var directory = Path.Combine(RepositoryRoot(), "src", "Plugins.Abstractions");
        var committedPath = Path.Combine(directory, "PublicAPI.txt");
        var receivedPath = Path.Combine(directory, "PublicAPI.received.txt");
        var committed = File.Exists(committedPath) ? File.ReadAllText(committedPath).ReplaceLineEndings("\n") : "";
        if (committed == printed)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("KUROBE_ACCEPT_API") == "1")
        {
            File.WriteAllText(committedPath, printed);
            return;
        }

        File.WriteAllText(receivedPath, printed);
        Assert.Fail("The plugin contracts' public API changed. Compare PublicAPI.txt with PublicAPI.received.txt; if the change is intended, copy the received file over PublicAPI.txt.");
    }

    [Fact]
    public void Contract_classes_are_sealed()
    {
        foreach (var type in Layers.PluginsAbstractions.GetExportedTypes())
        {
            (type.IsInterface || type.IsEnum || type.IsSealed || type.IsAbstract)
                .ShouldBeTrue($"{type.FullName}: contract classes are sealed, so the host can add members without breaking plugins");
        }
    }

    private static string Print(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {Name(type)}{Bases(type)}");
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(Declared)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m is not Type)
                .Where(m => !(type.IsEnum && m.Name == "value__"))
                .Select(m => "  " + Member(m))
                .Where(m => !m.Contains("<Clone>$", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Bases(Type type)
    {
        var bases = new List<string>();
        if (type is { IsClass: true, BaseType: { } baseType } && baseType != typeof(object))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.Namespace?.StartsWith("Kurobe", StringComparison.Ordinal) == true || type.IsInterface).Select(i => Name(i)).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo constructor => $"ctor({Parameters(constructor.GetParameters())})",
        MethodInfo method => $"{(method.IsStatic ? "static " : "")}{Name(method.ReturnType, Nullability.Create(method.ReturnParameter))} {method.Name}({Parameters(method.GetParameters())})",
        PropertyInfo property => $"{Name(property.PropertyType, Nullability.Create(property))} {property.Name} {{ {(property.GetMethod?.IsPublic == true ? "get; " : "")}{(property.SetMethod?.IsPublic == true ? (IsInit(property) ? "init; " : "set; ") : "")}}}",
        FieldInfo field => field.DeclaringType!.IsEnum ? $"{field.Name} = {field.GetRawConstantValue()}" : $"{(field.IsStatic ? "static " : "")}{Name(field.FieldType, Nullability.Create(field))} {field.Name}",
        EventInfo @event => $"event {Name(@event.EventHandlerType!)} {@event.Name}",
        _ => member.ToString() ?? member.Name,
    };

    private static bool IsInit(PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{Name(p.ParameterType, Nullability.Create(p))} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    // Nullable reference annotations are part of the contract: making a parameter or result nullable breaks plugins
    // compiled with warnings as errors, so the snapshot prints them ('?').
    private static string Name(Type type, NullabilityInfo? nullability = null)
    {
        var mark = nullability is { ReadState: NullabilityState.Nullable } && !type.IsValueType ? "?" : "";
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!, nullability) + "&";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!, nullability?.ElementType) + "[]" + mark;
        }

        if (type.IsGenericType)
        {
            var name = type.GetGenericTypeDefinition().FullName!;
            var arguments = type.GetGenericArguments()
                .Select((argument, i) => Name(argument, nullability?.GenericTypeArguments.ElementAtOrDefault(i)));
            return $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", arguments)}>{mark}";
        }

        return (type.FullName ?? type.Name) + mark;
    }

    private static NullabilityInfoContext Nullability => new();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kurobe.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside a Kurobe checkout.");
    }
}
