using Kurobe.Domain.Common;

namespace Kurobe.Domain.DataSources;

/// <summary>A data source's unique, human-chosen handle: lowercase letters, digits, '_' and '-', starting with a letter.</summary>
public readonly record struct DataSourceName
{
    public const int MaxLength = 63;

    private DataSourceName(string value) => Value = value;

    public string Value { get; }

    public static DataSourceName Create(string value)
    {
        if (!IsValid(value))
        {
            throw new DomainRuleException(
                $"'{value}' is not a valid data source name: use 1 to {MaxLength} lowercase letters, digits, '_' or '-', starting with a letter.");
        }

        return new DataSourceName(value);
    }

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && char.IsAsciiLetterLower(value[0])
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    public override string ToString() => Value;
}
