using System.Text.Json;
using System.Text.Json.Nodes;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Api.FunctionalTests.WebSockets;

namespace Kurobe.Api.FunctionalTests.Asking;

/// <summary>askStream phases and cancellation, history and feedback through the API.</summary>
public sealed class AskApiTests(AskApiFactory factory) : IClassFixture<AskApiFactory>
{
    private const string StreamFields = "askId phase sql columns { name } rows rowCount chart { kind } problems { code } engine { provider }";

    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_stream_goes_through_its_phases_in_order()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory);
        await client.InitAndAckAsync();

        await client.SubscribeAsync("a", $$"""subscription { askStream(input: {question: "revenue by region"}) { {{StreamFields}} } }""");
        var messages = await client.ReceiveOperationAsync("a");

        messages[^1]["type"]!.GetValue<string>().ShouldBe("complete");
        var phases = messages.Where(m => (string?)m["type"] == "next").Select(m => (string)m["payload"]!["data"]!["askStream"]!["phase"]!).ToList();
        phases[0].ShouldBe("UNDERSTOOD");
        phases[1].ShouldBe("SQL_READY");
        phases[2].ShouldBe("ROWS");
        phases.ShouldContain("CHART");
        phases[^1].ShouldBe("DONE");
        var done = messages.Where(m => (string?)m["type"] == "next").Last()["payload"]!["data"]!["askStream"]!;
        ((int)done["rowCount"]!).ShouldBe(4, "four regions");
    }

    [Fact]
    public async Task Ask_stream_of_an_unanswerable_question_ends_with_failed()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory);
        await client.InitAndAckAsync();

        await client.SubscribeAsync("r", $$"""subscription { askStream(input: {question: "what will the weather be tomorrow"}) { {{StreamFields}} } }""");
        var messages = await client.ReceiveOperationAsync("r");

        var next = messages.Where(m => (string?)m["type"] == "next").ShouldHaveSingleItem()["payload"]!["data"]!["askStream"]!;
        ((string)next["phase"]!).ShouldBe("FAILED");
        ((string)next["problems"]![0]!["code"]!).ShouldBe("CANNOT_ANSWER");
    }

    [Fact]
    public async Task Completing_the_ask_stream_stops_its_query_and_history_records_it_cancelled()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory);
        await client.InitAndAckAsync();

        // Units by product and city are many thousand rows, and the stream waits for this client, which stops reading
        // after the first batch: the complete arrives while rows are still to come.
        await client.SubscribeAsync("c", $$"""subscription { askStream(input: {question: "units sold by product and city"}) { phase rowCount } }""");
        JsonObject message;
        do
        {
            message = await client.ReceiveMessageAsync();
        }
        while ((string?)message["payload"]?["data"]?["askStream"]?["phase"] != "ROWS");

        await client.CompleteAsync("c");

        var history = await HistoryUntilAsync(entries => entries.Any(e => e.GetProperty("question").GetString() == "units sold by product and city"));
        history.First(e => e.GetProperty("question").GetString() == "units sold by product and city").GetProperty("outcome").GetString().ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task History_pages_newest_first_and_feedback_up_makes_a_verified_example_the_next_question_gets()
    {
        var first = await AskAsync("revenue by channel");
        var second = await AskAsync("number of orders by status");
        var third = await AskAsync("what will the weather be tomorrow");

        var page1 = await PostAsync("{ askHistory(first: 2) { edges { cursor node { id question outcome sql } } pageInfo { hasNextPage endCursor } } }");
        var edges = page1.GetProperty("askHistory").GetProperty("edges").EnumerateArray().ToList();
        edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()).ShouldBe([third, second]);
        edges[0].GetProperty("node").GetProperty("outcome").GetString().ShouldBe("REFUSED");
        page1.GetProperty("askHistory").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().ShouldBeTrue();
        var after = page1.GetProperty("askHistory").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var page2 = await PostAsync("query($after: String) { askHistory(first: 1, after: $after) { nodes { id } } }", new { after });
        page2.GetProperty("askHistory").GetProperty("nodes")[0].GetProperty("id").GetString().ShouldBe(first);

        var feedback = await PostAsync(
            "mutation($id: ID!) { askFeedback(input: {askId: $id, rating: UP}) { rating verifiedExample { id question sql dataSourceId } } }", new { id = first });
        var example = feedback.GetProperty("askFeedback").GetProperty("verifiedExample");
        example.GetProperty("question").GetString().ShouldBe("revenue by channel");
        var dataSourceId = example.GetProperty("dataSourceId").GetString();
        var listed = await PostAsync("query($id: ID!) { verifiedExamples(dataSourceId: $id) { id question } }", new { id = dataSourceId });
        listed.GetProperty("verifiedExamples").EnumerateArray().ShouldContain(e => e.GetProperty("id").GetString() == example.GetProperty("id").GetString());

        factory.TextToSqlRequests.Clear();
        await AskAsync("revenue by channel in 2024");
        factory.TextToSqlRequests.ShouldNotBeEmpty();
        factory.TextToSqlRequests.Last().Examples.ShouldContain(e => e.Question == "revenue by channel" && e.Sql == example.GetProperty("sql").GetString());

        var deleted = await PostAsync("mutation($id: ID!) { deleteVerifiedExample(id: $id) { id } }", new { id = example.GetProperty("id").GetString() });
        deleted.GetProperty("deleteVerifiedExample").GetProperty("id").GetString().ShouldBe(example.GetProperty("id").GetString());
        factory.TextToSqlRequests.Clear();
        await AskAsync("revenue by channel in 2024");
        factory.TextToSqlRequests.Last().Examples.ShouldNotContain(e => e.Question == "revenue by channel");
    }

    [Fact]
    public async Task Feedback_with_corrected_sql_that_the_gate_refuses_is_sql_not_allowed()
    {
        var id = await AskAsync("how many orders");

        var response = await _client.PostGraphQLAsync(
            "mutation($id: ID!) { askFeedback(input: {askId: $id, rating: DOWN, correctedSql: \"delete from orders\"}) { rating } }", new { id }, Token);

        response.ErrorCode().ShouldBe("SQL_NOT_ALLOWED");
    }

    private async Task<string> AskAsync(string question)
    {
        var data = await PostAsync("mutation($q: String!) { ask(input: {question: $q}) { id } }", new { q = question });
        return data.GetProperty("ask").GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        var response = await _client.PostGraphQLAsync(query, variables, Token);
        response.TryGetProperty("errors", out _).ShouldBeFalse(response.GetRawText());
        return response.GetProperty("data");
    }

    private async Task<List<JsonElement>> HistoryUntilAsync(Func<List<JsonElement>, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var data = await PostAsync("{ askHistory(first: 50) { nodes { question outcome } } }");
            var nodes = data.GetProperty("askHistory").GetProperty("nodes").EnumerateArray().ToList();
            if (done(nodes) || attempt == 100)
            {
                return nodes;
            }

            await Task.Delay(100, Token);
        }
    }
}
