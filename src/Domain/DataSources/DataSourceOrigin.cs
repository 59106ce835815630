namespace Kurobe.Domain.DataSources;

public enum DataSourceOrigin
{
    /// <summary>Declared in the server's configuration (the demo among them): read-only through the API.</summary>
    Configuration,

    /// <summary>Created through the API and kept in the metadata store.</summary>
    Api,
}
