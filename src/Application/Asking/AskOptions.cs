using System.ComponentModel.DataAnnotations;

namespace Kurobe.Application.Asking;

/// <summary>How questions are answered: time limits, corrections, profiling and examples.</summary>
public sealed class AskOptions
{
    public const string SectionName = "Kurobe:Ask";

    /// <summary>The date relative periods count from; today in UTC when not set. Fixed in tests and demos.</summary>
    public DateOnly? ReferenceDate { get; set; }

    /// <summary>How long one call to a text-to-SQL engine may take before it counts as failed.</summary>
    [Range(1, 600)]
    public int EngineTimeoutSeconds { get; set; } = 30;

    /// <summary>How many times the engine is asked again when its SQL is refused by the gate or by the source.</summary>
    [Range(0, 10)]
    public int MaxCorrections { get; set; } = 2;

    /// <summary>The most rows an answer returns (its stream delivers at most this many too).</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 10_000;

    /// <summary>The most distinct values profiled per categorical dimension.</summary>
    [Range(1, 100_000)]
    public int KnownValuesLimit { get; set; } = 500;

    /// <summary>How long profiled values are reused before they are read again.</summary>
    [Range(1, 100_000)]
    public int KnownValuesTtlMinutes { get; set; } = 60;

    /// <summary>The most verified examples passed to an engine, most similar to the question first.</summary>
    [Range(0, 1_000)]
    public int MaxExamples { get; set; } = 20;

    /// <summary>The most tables of the schema passed to an engine.</summary>
    [Range(1, 10_000)]
    public int MaxSchemaTables { get; set; } = 60;
}
