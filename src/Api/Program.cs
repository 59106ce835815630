using Kurobe.Api;

// appsettings*.json ship beside the binaries; data and config directories are relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddKurobe();

var app = builder.Build();
app.UseKurobe();
app.Run();

/// <summary>The entry point, visible to functional tests that host the application.</summary>
public partial class Program;
