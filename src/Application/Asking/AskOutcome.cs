namespace Kurobe.Application.Asking;

/// <summary>How an ask ended, as history records it.</summary>
public enum AskOutcome
{
    /// <summary>SQL ran and rows came back.</summary>
    Answered,

    /// <summary>The engine could not answer the question (or its SQL kept failing).</summary>
    Refused,

    /// <summary>An engine or the source failed.</summary>
    Failed,

    /// <summary>The caller went away before the answer was complete.</summary>
    Cancelled,
}
