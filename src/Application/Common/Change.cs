namespace Kurobe.Application.Common;

/// <summary>An optional edit in an update: unset leaves a value as it is, set replaces it (null included).</summary>
public readonly record struct Change<T>(bool IsSet, T Value)
{
    public T Or(T current) => IsSet ? Value : current;
}

public static class Change
{
    public static Change<T> Keep<T>() => default;

    public static Change<T> To<T>(T value) => new(true, value);
}
