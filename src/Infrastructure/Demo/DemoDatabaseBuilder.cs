using System.Diagnostics;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;

namespace Kurobe.Infrastructure.Demo;

/// <summary>
/// Writes the retail demo database (<c>demo.duckdb</c>). The file is built under a temporary name and
/// moved into place only when complete, so a crash or cancellation never leaves a partial database behind.
/// </summary>
internal sealed partial class DemoDatabaseBuilder
{
    private const int OrdersPerBatch = 20_000;
    private const int MaxLinesPerOrder = 5;

    internal const int BatchWrittenEventId = 3101;

    // Settings for reproducible files. DuckDB's FSST compressors choose the vectors that train their symbol table
    // with an unseeded random generator, so with FSST two builds of the same data differ in bytes. One thread keeps
    // the checkpoint from writing blocks in a timing-dependent order. With both, builds up to scale 3 are
    // byte-identical. From about 5,500 customers on, the email column fills whole uncompressed string blocks, which
    // DuckDB writes without compacting them: the gap between offsets and strings is uninitialised memory, so larger
    // scales are identical in content (same rows in every table) but not always in bytes.
    private const string BuildSettings = "SET threads = 1; SET disabled_compression_methods = 'fsst,dict_fsst';";

    private readonly ILogger<DemoDatabaseBuilder> _logger;

    public DemoDatabaseBuilder(ILogger<DemoDatabaseBuilder> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    public async Task BuildAsync(string databasePath, int scale, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, DemoDataSet.MinScale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, DemoDataSet.MaxScale);

        var targetPath = Path.GetFullPath(databasePath);
        if (File.Exists(targetPath))
        {
            LogAlreadyExists(targetPath);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        var tempPath = CreateTempPath(targetPath);
        var startedAt = Stopwatch.GetTimestamp();
        LogBuildStarted(targetPath, scale);

        var published = false;
        try
        {
            var rowCounts = await Task.Run(() => WriteDatabase(tempPath, scale, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            published = TryPublish(tempPath, targetPath);
            if (published)
            {
                var elapsedMilliseconds = (long)Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
                LogBuildFinished(
                    targetPath,
                    scale,
                    rowCounts.Customers,
                    rowCounts.Products,
                    rowCounts.Orders,
                    rowCounts.OrderItems,
                    elapsedMilliseconds);
            }
            else
            {
                LogKeptConcurrentFile(targetPath);
            }
        }
        catch (OperationCanceledException)
        {
            LogBuildCancelled(targetPath);
            throw;
        }
        finally
        {
            if (!published)
            {
                DeleteDatabaseFiles(tempPath);
            }
        }
    }

    private static string CreateTempPath(string targetPath) =>
        string.Concat(targetPath, ".tmp-", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    private DemoRowCounts WriteDatabase(string path, int scale, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dataSet = DemoDataSet.Create(scale);

        using var connection = OpenBuildConnection(path);
        ExecuteNonQuery(connection, DemoSchema.CreateTables);

        // One transaction, so that all rows reach the file in the final checkpoint. Committing every appender
        // goes through the write-ahead log and automatic checkpoints, whose block layout varies between runs.
        DemoRowCounts rowCounts;
        using (var transaction = connection.BeginTransaction())
        {
            AppendCustomers(connection, dataSet.Customers);
            AppendProducts(connection, dataSet.Products);
            var (orders, orderItems) = AppendOrders(connection, dataSet, cancellationToken);
            transaction.Commit();
            rowCounts = new DemoRowCounts(dataSet.Customers.Count, dataSet.Products.Count, orders, orderItems);
        }

        ExecuteNonQuery(connection, "CHECKPOINT");
        return rowCounts;
    }

    private static DuckDBConnection OpenBuildConnection(string path)
    {
        var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = path }.ConnectionString);
        try
        {
            connection.Open();
            ExecuteNonQuery(connection, BuildSettings);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void ExecuteNonQuery(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AppendCustomers(DuckDBConnection connection, IReadOnlyList<DemoCustomer> customers)
    {
        using var appender = connection.CreateAppender("customers");
        foreach (var customer in customers)
        {
            appender.CreateRow()
                .AppendValue(customer.CustomerId)
                .AppendValue(customer.CustomerName)
                .AppendValue(customer.Email)
                .AppendValue(customer.Segment)
                .AppendValue(customer.Country)
                .AppendValue(customer.Region)
                .AppendValue(customer.City)
                .AppendValue(customer.SignupDate)
                .EndRow();
        }
    }

    private static void AppendProducts(DuckDBConnection connection, IReadOnlyList<DemoProduct> products)
    {
        using var appender = connection.CreateAppender("products");
        foreach (var product in products)
        {
            appender.CreateRow()
                .AppendValue(product.ProductId)
                .AppendValue(product.ProductName)
                .AppendValue(product.Category)
                .AppendValue(product.Subcategory)
                .AppendValue(product.UnitPrice)
                .AppendValue(product.UnitCost)
                .EndRow();
        }
    }

    /// <summary>
    /// Each batch closes its orders appender before appending the items, because the
    /// order_items foreign key is checked when the items are flushed.
    /// </summary>
    private (long Orders, long OrderItems) AppendOrders(DuckDBConnection connection, DemoDataSet dataSet, CancellationToken cancellationToken)
    {
        var stream = dataSet.CreateOrderStream();
        var orders = new List<DemoOrder>(OrdersPerBatch);
        var items = new List<DemoOrderItem>(OrdersPerBatch * MaxLinesPerOrder);
        long orderCount = 0;
        long itemCount = 0;
        var batch = 0;

        while (stream.FillNextBatch(orders, items, OrdersPerBatch) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AppendOrderRows(connection, orders);
            AppendOrderItemRows(connection, items);
            orderCount += orders.Count;
            itemCount += items.Count;
            LogBatchWritten(++batch, orderCount, dataSet.OrderCount);
            orders.Clear();
            items.Clear();
        }

        return (orderCount, itemCount);
    }

    private static void AppendOrderRows(DuckDBConnection connection, List<DemoOrder> orders)
    {
        using var appender = connection.CreateAppender("orders");
        foreach (var order in orders)
        {
            appender.CreateRow()
                .AppendValue(order.OrderId)
                .AppendValue(order.CustomerId)
                .AppendValue(order.OrderDate)
                .AppendValue(order.ShipDate)
                .AppendValue(order.Channel)
                .AppendValue(order.Status)
                .EndRow();
        }
    }

    private static void AppendOrderItemRows(DuckDBConnection connection, List<DemoOrderItem> items)
    {
        using var appender = connection.CreateAppender("order_items");
        foreach (var item in items)
        {
            appender.CreateRow()
                .AppendValue(item.OrderId)
                .AppendValue(item.LineNumber)
                .AppendValue(item.ProductId)
                .AppendValue(item.Quantity)
                .AppendValue(item.UnitPrice)
                .AppendValue(item.Discount)
                .EndRow();
        }
    }

    /// <summary>Moves without overwriting: a database that appeared meanwhile (another process) wins.</summary>
    private static bool TryPublish(string tempPath, string targetPath)
    {
        try
        {
            File.Move(tempPath, targetPath, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(targetPath))
        {
            return false;
        }
    }

    private void DeleteDatabaseFiles(string path)
    {
        foreach (var file in new[] { path, path + ".wal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogTempFileNotDeleted(exception, file);
            }
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Building demo database {Path} at scale {Scale}")]
    private partial void LogBuildStarted(string path, int scale);

    [LoggerMessage(EventId = BatchWrittenEventId, Level = LogLevel.Debug, Message = "Demo database batch {Batch} written: {Orders} of {TotalOrders} orders")]
    private partial void LogBatchWritten(int batch, long orders, int totalOrders);

    [LoggerMessage(
        EventId = 3102,
        Level = LogLevel.Information,
        Message = "Built demo database {Path} at scale {Scale}: {Customers} customers, {Products} products, {Orders} orders, {OrderItems} order items in {ElapsedMilliseconds} ms")]
    private partial void LogBuildFinished(string path, int scale, int customers, int products, long orders, long orderItems, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Demo database {Path} already exists; not rebuilding it")]
    private partial void LogAlreadyExists(string path);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Demo database {Path} was created by someone else during the build; keeping that file")]
    private partial void LogKeptConcurrentFile(string path);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Building demo database {Path} was cancelled")]
    private partial void LogBuildCancelled(string path);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Could not delete temporary demo database file {Path}")]
    private partial void LogTempFileNotDeleted(Exception exception, string path);

    private readonly record struct DemoRowCounts(int Customers, int Products, long Orders, long OrderItems);
}
