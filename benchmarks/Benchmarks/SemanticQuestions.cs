using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Kurobe.Application.Semantic.Compilation;
using Kurobe.Infrastructure.Semantic;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.Semantic;
using Kurobe.Semantic.RuleBased;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kurobe.Benchmarks;

/// <summary>
/// The deterministic engine's throughput and latency: questions to semantic queries (the engine), and questions to SQL
/// (the engine, then the compiler), measured side by side in one run against the demo model and its real values.
/// </summary>
internal static class SemanticQuestions
{
    private static readonly string[] Questions =
    [
        "total revenue", "revenue by region", "monthly revenue in 2024", "revenue by category and channel",
        "top 5 products by revenue", "bottom 3 countries by profit", "revenue in Germany", "sales in germny",
        "orders last month", "revenue this year", "units sold in the last 90 days", "revenue in Q4 2024",
        "profit in March 2025", "revenue between 2024-01-01 and 2024-06-30", "online vs store revenue",
        "revenue and profit by year", "average order value by segment", "how many customers in Europe",
        "number of orders by status", "weekly units sold in December 2024", "revenue by quarter",
        "revenue for Electronics in Asia Pacific by year", "average discount by category", "top 10 customers by revenue",
        "what is the weather in Paris", "revenue by favourite colour",
    ];

    public static async Task<int> RunAsync(string modelFile, string database, int seconds)
    {
        var read = SemanticModelYamlReader.Read(await File.ReadAllTextAsync(modelFile));
        if (!read.IsValid)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, read.Problems));
            return 1;
        }

        var model = read.Model!;
        var knownValues = ReadKnownValues(model, database);
        var plugin = new RuleBasedSemanticPlugin();
        var context = new EngineContext("default", JsonDocument.Parse("{}").RootElement, NullLoggerFactory.Instance, TimeProvider.System);
        await using var engine = (ISemanticEngine)plugin.CreateEngine(new EngineProvider(EngineKind.Semantic, "rule_based"), context);
        var compiler = new SemanticQueryCompiler();
        var referenceDate = new DateOnly(2025, 12, 15);

        async Task<bool> Interpret(string question)
        {
            var result = await engine.InterpretAsync(new SemanticRequest(question, model, knownValues, referenceDate), CancellationToken.None);
            return result.Query is not null;
        }

        async Task<bool> ToSql(string question)
        {
            var result = await engine.InterpretAsync(new SemanticRequest(question, model, knownValues, referenceDate), CancellationToken.None);
            return result.Query is null || compiler.Compile(model, result.Query, SqlDialect.DuckDb).Sql.Length > 0;
        }

        var answered = 0;
        foreach (var question in Questions)
        {
            answered += await Interpret(question) ? 1 : 0;
        }

        var engineOnly = await MeasureAsync(Interpret, seconds);
        var withCompiler = await MeasureAsync(ToSql, seconds);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            questions = Questions.Length,
            answered,
            refused = Questions.Length - answered,
            knownValues = knownValues.Sum(v => v.Value.Count),
            engine = engineOnly,
            engineAndCompiler = withCompiler,
        }));
        return 0;
    }

    private static async Task<object> MeasureAsync(Func<string, Task<bool>> ask, int seconds)
    {
        for (var i = 0; i < 200; i++)
        {
            await ask(Questions[i % Questions.Length]);
        }

        var latencies = new List<double>(1_000_000);
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        for (var i = 0; clock.Elapsed < limit; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await ask(Questions[i % Questions.Length]);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new
        {
            questionsPerSecond = Math.Round(latencies.Count / elapsed),
            p50Microseconds = Math.Round(latencies[latencies.Count / 2], 1),
            p99Microseconds = Math.Round(latencies[(int)(latencies.Count * 0.99)], 1),
            maxMicroseconds = Math.Round(latencies[^1], 1),
        };
    }

    /// <summary>Each categorical dimension's distinct values, as the server profiles them (up to 500 each).</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadKnownValues(SemanticModel model, string database)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var compiler = new SemanticQueryCompiler();
        foreach (var dimension in model.Dimensions.Where(d => d.Type == DimensionType.Categorical))
        {
            var sql = compiler.Compile(model, new SemanticQuery([], [new DimensionRef(dimension.Name)], [], [], 500), SqlDialect.DuckDb).Sql;
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var list = new List<string>();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    list.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
                }
            }

            values[dimension.Name] = list;
        }

        return values;
    }
}
