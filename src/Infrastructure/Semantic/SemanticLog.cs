using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Semantic;

internal static partial class SemanticLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Loaded the semantic model {Model} of data source {DataSource} from {File}")]
    public static partial void ModelLoaded(this ILogger logger, string model, string dataSource, string file);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "The semantic model file {File} is invalid; {Fallback}: {Problems}")]
    public static partial void ModelInvalid(this ILogger logger, string file, string fallback, string problems);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "The semantic model files {File} and {OtherFile} both describe data source {DataSource}; {File} is used")]
    public static partial void DuplicateDataSource(this ILogger logger, string file, string otherFile, string dataSource);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "The semantic model directory {Directory} does not exist; no data source has a semantic model")]
    public static partial void DirectoryMissing(this ILogger logger, string directory);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Reading the semantic model file {File} failed; its last good version, if any, stays in force")]
    public static partial void ReadFailed(this ILogger logger, Exception exception, string file);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "The semantic model file {File} was removed; data source {DataSource} no longer has its model")]
    public static partial void ModelRemoved(this ILogger logger, string file, string dataSource);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "Reloading the semantic models failed")]
    public static partial void ReloadFailed(this ILogger logger, Exception exception);
}
