using System.Globalization;
using Kurobe.Benchmarks;

// Tools for the scripts in benchmarks/: baselines and load generators. Each prints one JSON line when it is done.
//   raw-duckdb <database> <sql>                                  read every value of a query with DuckDB.NET alone
//   bare-endpoint <port> <response-file>                         Kestrel answering POST /graphql with fixed bytes
//   load <url> <body-file> <concurrency> <seconds> [server-pid]  closed-loop HTTP load: requests/s and latency
//   burst <graphql-url> <sql> <count> <cache-ttl|default> [server-pid]
//                                                                <count> identical runQuery requests at once
//   semantic <model.yaml> <demo.duckdb> <seconds>                 the deterministic engine: questions/s, p50/p99
return args switch
{
    ["raw-duckdb", var database, var sql] => RawDuckDb.Run(database, sql),
    ["bare-endpoint", var port, var responseFile] => await BareEndpoint.RunAsync(Number(port), responseFile),
    ["load", var url, var bodyFile, var concurrency, var seconds] =>
        await LoadGenerator.RunAsync(new Uri(url), bodyFile, Number(concurrency), Number(seconds), serverPid: null),
    ["load", var url, var bodyFile, var concurrency, var seconds, var pid] =>
        await LoadGenerator.RunAsync(new Uri(url), bodyFile, Number(concurrency), Number(seconds), Number(pid)),
    ["burst", var url, var sql, var count, var ttl] => await Burst.RunAsync(new Uri(url), sql, Number(count), Ttl(ttl), serverPid: null),
    ["burst", var url, var sql, var count, var ttl, var pid] => await Burst.RunAsync(new Uri(url), sql, Number(count), Ttl(ttl), Number(pid)),
    ["semantic", var modelFile, var database, var seconds] => await SemanticQuestions.RunAsync(modelFile, database, Number(seconds)),
    _ => Usage(),
};

static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

static int? Ttl(string text) => text == "default" ? null : Number(text);

static int Usage()
{
    Console.Error.WriteLine("""
        usage: raw-duckdb <database file> <sql>
               bare-endpoint <port> <response file>
               load <url> <body file> <concurrency> <seconds> [server pid]
               burst <graphql url> <sql> <count> <cache ttl seconds|default> [server pid]
               semantic <model yaml> <demo duckdb file> <seconds>
        """);
    return 2;
}
