using Kurobe.Api;
using Kurobe.Infrastructure.Persistence;

// `migrate` applies the metadata store's migrations and exits without starting the server.
var migrate = args is ["migrate", ..];

// appsettings*.json ship beside the binaries; data and config directories are relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = migrate ? args[1..] : args, ContentRootPath = AppContext.BaseDirectory });
builder.AddKurobe();

var app = builder.Build();
if (migrate)
{
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    return await MetadataStoreCommands.MigrateAsync(app.Services, cancellation.Token);
}

app.UseKurobe();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to functional tests that host the application.</summary>
public partial class Program;
