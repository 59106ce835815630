namespace Kurobe.TrinoFake;

internal enum PageKind
{
    Queued,
    Columns,
    Empty,
    Data,
    Finished,
    Failed,
    Canceled,
    Gone,
    Unavailable,
    Forced,
}

/// <summary>What one page of a query holds; <paramref name="Chunk"/> numbers data pages from 0.</summary>
internal readonly record struct PageSpec(PageKind Kind, long Chunk = 0, bool WithColumns = false);

/// <summary>A query the fake started: its scenario, its token position and whether it was cancelled.</summary>
public sealed class FakeQuery
{
    private readonly Uri _baseUri;

    internal FakeQuery(string id, string slug, string sql, int sequence, TrinoScenario scenario, IReadOnlyDictionary<string, string> postHeaders, Uri baseUri)
    {
        Id = id;
        Slug = slug;
        Sql = sql;
        Sequence = sequence;
        Scenario = scenario;
        PostHeaders = postHeaders;
        _baseUri = baseUri;
        Next = ("queued", 1);
    }

    public string Id { get; }

    public string Slug { get; }

    public string Sql { get; }

    public int Sequence { get; }

    public TrinoScenario Scenario { get; }

    /// <summary>The headers of the POST that started the query.</summary>
    public IReadOnlyDictionary<string, string> PostHeaders { get; }

    /// <summary>True once a DELETE reached the query before it finished.</summary>
    public bool IsCanceled { get; internal set; }

    public bool IsFinished { get; private set; }

    public int PagesServed { get; internal set; }

    internal (string Phase, long Token) LastServed { get; set; } = ("", -1);

    internal (string Phase, long Token) Next { get; set; }

    internal int UnavailableAnswered { get; set; }

    internal void Finish() => IsFinished = true;

    internal Uri Uri(string phase, long token) => new(_baseUri, $"v1/statement/{phase}/{Id}/{Slug}/{token}");

    internal static (string Phase, long Token) PositionOf(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (segments[2], long.Parse(segments[5], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The page at a token and the nextUri it carries (null on the last page).</summary>
    internal (PageSpec Page, Uri? Next) PageAt(string phase, long token)
    {
        var scenario = Scenario;
        if (phase == "queued")
        {
            if (scenario.Failure is not null && scenario.FailAfterDataPages == 0)
            {
                return (new PageSpec(PageKind.Failed), null);
            }

            return (new PageSpec(PageKind.Queued), token < scenario.QueuedPages ? Uri("queued", token + 1) : Uri("executing", 0));
        }

        var next = Uri("executing", token + 1);
        var hasColumnsPage = !scenario.ColumnsWithFirstData && scenario.Columns.Count > 0;
        if (hasColumnsPage && token == 0)
        {
            return (new PageSpec(PageKind.Columns, WithColumns: true), next);
        }

        var index = token - (hasColumnsPage ? 1 : 0);
        if (scenario.Endless)
        {
            return (new PageSpec(PageKind.Empty, WithColumns: hasColumnsPage), next);
        }

        var block = scenario.EmptyPagesBeforeEachDataPage + 1;
        var dataPages = (scenario.RowCount + scenario.RowsPerPage - 1) / scenario.RowsPerPage;
        var chunk = index / block;
        var columnsKnown = hasColumnsPage || chunk > 0;
        if (scenario.Failure is not null && chunk == scenario.FailAfterDataPages)
        {
            return (new PageSpec(PageKind.Failed, WithColumns: columnsKnown), null);
        }

        if (chunk < dataPages)
        {
            return index % block < scenario.EmptyPagesBeforeEachDataPage
                ? (new PageSpec(PageKind.Empty, chunk, columnsKnown), next)
                : (new PageSpec(PageKind.Data, chunk, WithColumns: true), next);
        }

        return (new PageSpec(PageKind.Finished, WithColumns: true), null);
    }
}
