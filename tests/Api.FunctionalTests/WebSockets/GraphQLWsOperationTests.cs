using System.Text;
using System.Text.Json.Nodes;

namespace Kurobe.Api.FunctionalTests.WebSockets;

/// <summary>Queries, mutations and subscriptions over the socket: next, complete, error, ids and limits.</summary>
[Collection(GraphQLWsTestGroup.Name)]
public sealed class GraphQLWsOperationTests(GraphQLWsServerFixture server)
{
    /// <summary>A subscription that holds its operation open for seconds without sending anything (an aggregate that takes long).</summary>
    private static string SlowSubscription(string tag) =>
        $$"""subscription { queryStream(input: {sql: "select count(*) as {{tag}} from range(1000000000000)", timeoutSeconds: 20}) { rowCount } }""";

    [Fact]
    public async Task A_query_gets_one_next_then_complete()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("q1", "{ dataSources { name isDefault } }");

        var messages = await client.ReceiveOperationAsync("q1");
        messages.Select(m => (string?)m["type"]).ShouldBe(["next", "complete"]);
        var next = messages[0];
        next["id"]!.GetValue<string>().ShouldBe("q1");
        next["payload"]!["errors"].ShouldBeNull();
        next["payload"]!["data"]!["dataSources"]!.AsArray().Select(s => (string?)s!["name"]).ShouldContain("demo");
        messages[1].ContainsKey("payload").ShouldBeFalse();
    }

    [Fact]
    public async Task A_mutation_gets_one_next_then_complete()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("m1", """mutation { cancelQuery(queryId: "00000000-0000-0000-0000-000000000001") { cancelled } }""");

        var messages = await client.ReceiveOperationAsync("m1");
        messages.Select(m => (string?)m["type"]).ShouldBe(["next", "complete"]);
        messages[0]["payload"]!["data"]!["cancelQuery"]!["cancelled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Variables_and_the_operation_name_are_honoured()
    {
        await using var client = await server.ConnectAndInitAsync();
        const string Document = """
            query Skipped { dataSources { name } }
            query Picked($sql: String!) { runQuery(input: {sql: $sql}) { rowCount rows } }
            """;

        await client.SubscribeAsync("v1", Document, new { sql = "select 41 + 1 as answer" }, "Picked");

        var messages = await client.ReceiveOperationAsync("v1");
        messages.Select(m => (string?)m["type"]).ShouldBe(["next", "complete"]);
        var result = messages[0]["payload"]!["data"]!["runQuery"]!;
        result["rowCount"]!.GetValue<int>().ShouldBe(1);
        result["rows"]![0]![0]!.GetValue<int>().ShouldBe(42);
    }

    [Fact]
    public async Task A_query_whose_resolver_fails_gets_next_with_the_error_then_complete()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("e1", """{ runQuery(input: {sql: "select * from no_such_table"}) { rowCount } }""");

        var messages = await client.ReceiveOperationAsync("e1");
        messages.Select(m => (string?)m["type"]).ShouldBe(["next", "complete"]);
        messages[0]["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("QUERY_FAILED");
    }

    [Fact]
    public async Task A_subscribe_that_fails_validation_gets_an_error_and_no_complete()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("bad", "subscription { noSuchField }");

        var error = await client.ReceiveMessageAsync();
        error["type"]!.GetValue<string>().ShouldBe("error");
        error["id"]!.GetValue<string>().ShouldBe("bad");
        var errors = error["payload"]!.AsArray();
        errors.Count.ShouldBeGreaterThan(0);
        errors[0]!["message"]!.GetValue<string>().ShouldContain("noSuchField");
        errors[0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("GRAPHQL_VALIDATION_FAILED");
        await AssertNothingMoreForAsync(client, "bad");
    }

    [Fact]
    public async Task A_document_that_does_not_parse_gets_an_error()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("syntax", "subscription {");

        var error = await client.ReceiveMessageAsync();
        error["type"]!.GetValue<string>().ShouldBe("error");
        error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("GRAPHQL_PARSE_FAILED");
        await AssertNothingMoreForAsync(client, "syntax");
    }

    [Fact]
    public async Task A_subscription_whose_source_stream_fails_gets_an_error_and_no_complete()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("failing", """subscription { queryStream(input: {sql: "select * from no_such_table"}) { rows } }""");

        var error = await client.ReceiveMessageAsync();
        error["type"]!.GetValue<string>().ShouldBe("error");
        error["id"]!.GetValue<string>().ShouldBe("failing");
        error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("QUERY_FAILED");
        await AssertNothingMoreForAsync(client, "failing");
    }

    [Fact]
    public async Task A_subscription_with_invalid_input_gets_an_error_with_BAD_USER_INPUT()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("input", """subscription { queryStream(input: {sql: "select 1", maxRows: 0}) { rows } }""");

        var error = await client.ReceiveMessageAsync();
        error["type"]!.GetValue<string>().ShouldBe("error");
        error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("BAD_USER_INPUT");
        await AssertNothingMoreForAsync(client, "input");
    }

    [Fact]
    public async Task A_duplicate_active_id_closes_with_4409()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("dup", SlowSubscription("dup_test"));
        await client.SubscribeAsync("dup", "{ dataSources { name } }");

        var close = await client.ReceiveUntilCloseAsync();
        close.CloseStatus.ShouldBe(4409);
        close.CloseReason.ShouldBe("Subscriber for dup already exists");
    }

    [Fact]
    public async Task A_4409_reason_quoting_a_long_id_stays_under_123_bytes()
    {
        await using var client = await server.ConnectAndInitAsync();
        var id = new string('i', 300);

        await client.SubscribeAsync(id, SlowSubscription("long_id_test"));
        await client.SubscribeAsync(id, "{ dataSources { name } }");

        var close = await client.ReceiveUntilCloseAsync();
        close.CloseStatus.ShouldBe(4409);
        close.CloseReason.ShouldStartWith("Subscriber for iii");
        Encoding.UTF8.GetByteCount(close.CloseReason!).ShouldBeLessThan(123);
    }

    [Fact]
    public async Task An_id_can_be_reused_once_its_operation_completed()
    {
        await using var client = await server.ConnectAndInitAsync();

        var first = await client.QueryAsync("same", "{ dataSources { name } }");
        var second = await client.QueryAsync("same", """{ runQuery(input: {sql: "select 1"}) { rowCount } }""");
        await client.SubscribeAsync("same", """subscription { queryStream(input: {sql: "select 1"}) { rowCount } }""");
        var third = await client.ReceiveOperationAsync("same");

        first["data"].ShouldNotBeNull();
        second["data"]!["runQuery"]!["rowCount"]!.GetValue<int>().ShouldBe(1);
        third.Select(m => (string?)m["type"]).ShouldBe(["next", "complete"]);
    }

    [Fact]
    public async Task An_id_can_be_reused_once_the_client_completed_it()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("again", SlowSubscription("reuse_test"));
        await client.CompleteAsync("again");
        var result = await client.QueryAsync("again", "{ dataSources { name } }");

        result["data"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Complete_for_an_unknown_id_is_ignored()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.CompleteAsync("never-used");
        var done = await client.QueryAsync("q", "{ dataSources { name } }");
        await client.CompleteAsync("q");

        done["data"].ShouldNotBeNull();
        await client.SendAsync("""{"type":"ping","payload":{"still":"open"}}""");
        (await client.ReceiveMessageAsync())["type"]!.GetValue<string>().ShouldBe("pong");
    }

    [Fact]
    public async Task Too_many_operations_get_a_TOO_MANY_OPERATIONS_error_and_the_connection_stays_open()
    {
        await using var client = await server.ConnectAndInitAsync();
        for (var i = 0; i < GraphQLWsServerFixture.MaxOperationsPerConnection; i++)
        {
            await client.SubscribeAsync($"slow{i}", SlowSubscription($"too_many_{i}"));
        }

        await client.SubscribeAsync("one-too-many", "{ dataSources { name } }");

        var error = await client.ReceiveMessageAsync();
        error["type"]!.GetValue<string>().ShouldBe("error");
        error["id"]!.GetValue<string>().ShouldBe("one-too-many");
        error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("TOO_MANY_OPERATIONS");

        // Completing one frees its place.
        await client.CompleteAsync("slow0");
        var result = await RetryUntilAcceptedAsync(client, "{ dataSources { name } }");
        result["data"]!["dataSources"].ShouldNotBeNull();
    }

    [Fact]
    public async Task An_unexpected_server_failure_closes_with_4500()
    {
        await using var client = await server.ConnectAndInitAsync();

        await client.SubscribeAsync("boom", $"{{ dataSources {{ name }} }} # {ServerFailureHook.Marker}");

        var close = await client.ReceiveCloseAsync();
        close.CloseStatus.ShouldBe(4500);
        close.CloseReason.ShouldBe("Internal server error");
    }

    /// <summary>Pings and waits for the pong: no message for <paramref name="id"/> may come in between.</summary>
    internal static async Task AssertNothingMoreForAsync(GraphQLWsTestClient client, string id)
    {
        await Task.Delay(200, TestContext.Current.CancellationToken);
        await client.SendAsync("""{"type":"ping","payload":{"probe":true}}""");
        while (true)
        {
            var message = await client.ReceiveMessageAsync();
            if ((string?)message["type"] == "pong")
            {
                return;
            }

            ((string?)message["id"]).ShouldNotBe(id, $"unexpected message after the operation ended: {message.ToJsonString()}");
        }
    }

    /// <summary>The slot of a completed operation frees once the send loop has passed it: retry briefly.</summary>
    private static async Task<JsonObject> RetryUntilAcceptedAsync(GraphQLWsTestClient client, string query)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = $"retry{attempt}";
            await client.SubscribeAsync(id, query);
            var messages = await client.ReceiveOperationAsync(id);
            if ((string?)messages[0]["type"] == "next")
            {
                return messages[0]["payload"]!.AsObject();
            }

            attempt.ShouldBeLessThan(20, "the completed operation's place was never freed");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
