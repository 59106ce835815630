using Kurobe.Engines.Llm.Internal;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.TextToSql;

namespace Kurobe.Engines.Llm;

/// <summary>
/// Text-to-SQL through a language model: one call per request, the reply read leniently and anything but a single
/// read-only query turned into a refusal. The host runs the correction loop, passing the failed attempt back.
/// </summary>
internal sealed class LlmTextToSqlEngine(ModelClient client) : ITextToSqlEngine
{
    public EngineKind Kind => EngineKind.TextToSql;

    public async Task<TextToSqlResult> GenerateSqlAsync(TextToSqlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var messages = TextToSqlPrompt.Build(request);
        var reply = await client.CompleteAsync(messages, json: true, cancellationToken).ConfigureAwait(false);
        var parsed = SqlReply.Parse(reply.Text);

        if (parsed.Sql is null)
        {
            var reason = parsed.Refusal ?? "The model's reply held neither SQL nor a reason for refusing.";
            client.Logger.ModelRefused(reason);
            return TextToSqlResult.Refuse(reason, reply.Usage);
        }

        var sql = SqlReply.Normalize(parsed.Sql);
        if (ReadOnlySql.Problem(sql) is { } problem)
        {
            client.Logger.SqlRejected(problem);
            return TextToSqlResult.Refuse($"The model did not write a single read-only query ({problem}), so it was not used.", reply.Usage);
        }

        return TextToSqlResult.Answer(sql, parsed.Explanation, parsed.Confidence, reply.Usage);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
