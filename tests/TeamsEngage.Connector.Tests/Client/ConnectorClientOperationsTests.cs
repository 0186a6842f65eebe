using System.Net;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Testing.Connector;

namespace TeamsEngage.Connector.Tests.Client;

public sealed class ConnectorClientOperationsTests
{
    // Teams ids carry ':', '@', ';' and '='; all must travel escaped inside one path segment.
    private const string ChannelThread = "19:a1b2c3@thread.tacv2;messageid=1700000000001";
    private const string PersonalChat = "a:1Xyz=Q@x;y";

    [Fact]
    public async Task SendPostsTheActivityUnderTheRegionalPathWithTheConversationIdEscaped()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var serviceUrl = harness.Stub.BaseUrl + "amer/";

        var response = await harness.Client.SendAsync(serviceUrl, ChannelThread, new Activity { Type = ActivityTypes.Message, Text = "Hello" });

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal(ConnectorRoute.Send, request.Route);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Aa1b2c3%40thread.tacv2%3Bmessageid%3D1700000000001/activities", request.RawPath);
        Assert.Equal(ChannelThread, request.ConversationId);
        Assert.Equal("Hello", request.ReadActivity()!.Text);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Contains("TeamsEngage/1.0", request.UserAgent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Id));
    }

    [Fact]
    public async Task AServiceUrlWithoutTrailingSlashKeepsItsPathSegment()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.SendAsync(harness.Stub.BaseUrl + "amer", PersonalChat, new Activity { Type = ActivityTypes.Message, Text = "Hi" });

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal("/amer/v3/conversations/" + Uri.EscapeDataString(PersonalChat) + "/activities", request.RawPath);
        Assert.Equal(PersonalChat, request.ConversationId);
    }

    [Fact]
    public async Task SendOmitsTheActivityIdWithoutChangingTheCallersActivity()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var activity = new Activity { Type = ActivityTypes.Message, Id = "stale-inbound-id", Text = "Hi" };

        await harness.Client.SendAsync(harness.Stub.BaseUrl, PersonalChat, activity);

        var body = Assert.Single(harness.Stub.Requests).Json!.Value;
        Assert.False(body.TryGetProperty("id", out _));
        Assert.Equal("stale-inbound-id", activity.Id);
    }

    [Fact]
    public async Task ReplyPostsToTheRepliedActivityAndSetsReplyToId()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var response = await harness.Client.ReplyAsync(harness.Stub.BaseUrl + "emea/", ChannelThread, "1700000000001",
            new Activity { Type = ActivityTypes.Message, Id = "x", Text = "Thanks" });

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal(ConnectorRoute.Reply, request.Route);
        Assert.StartsWith("/emea/v3/conversations/19%3A", request.RawPath, StringComparison.Ordinal);
        Assert.EndsWith("/activities/1700000000001", request.RawPath, StringComparison.Ordinal);
        Assert.Equal("1700000000001", request.ActivityId);
        var sent = request.ReadActivity()!;
        Assert.Equal("1700000000001", sent.ReplyToId);
        Assert.Null(sent.Id);
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task UpdatePutsTheReplacementWithTheMessageIdInTheBody()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var response = await harness.Client.UpdateAsync(harness.Stub.BaseUrl, PersonalChat, "1700000000042",
            new Activity { Type = ActivityTypes.Message, Text = "Edited" });

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal(ConnectorRoute.Update, request.Route);
        Assert.Equal("1700000000042", request.ActivityId);
        Assert.Equal("1700000000042", request.ReadActivity()!.Id);
        Assert.Equal("Edited", request.ReadActivity()!.Text);
        Assert.Equal("1700000000042", response.Id);
    }

    [Fact]
    public async Task DeleteSendsADeleteWithoutBody()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.DeleteAsync(harness.Stub.BaseUrl, PersonalChat, "1700000000042");

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal(ConnectorRoute.Delete, request.Route);
        Assert.Equal(PersonalChat, request.ConversationId);
        Assert.Equal("1700000000042", request.ActivityId);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task CreateConversationPostsTheParametersAndReturnsThePersonalConversationId()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot-app-id" },
            Members = [new ChannelAccount { Id = "29:1user" }],
            TenantId = "tenant-1",
            ChannelData = new { tenant = new { id = "tenant-1" } },
        };

        var created = await harness.Client.CreateConversationAsync(harness.Stub.BaseUrl + "amer/", parameters);

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal(ConnectorRoute.CreateConversation, request.Route);
        Assert.Equal("/amer/v3/conversations", request.RawPath);
        var body = request.Json!.Value;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot-app-id", body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:1user", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.StartsWith("a:", created.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMemberReadsTheRosterEntryWithItsObjectId()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.SetMembers(ChannelThread, new TeamsChannelAccount { Id = "29:1abc", Name = "Ana", AadObjectId = "oid-1", Email = "ana@school.example" });

        var member = await harness.Client.GetMemberAsync(harness.Stub.BaseUrl, ChannelThread, "29:1abc");

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal("GET", request.Method);
        Assert.EndsWith("/members/29%3A1abc", request.RawPath, StringComparison.Ordinal);
        Assert.Equal("29:1abc", request.MemberId);
        Assert.Equal("oid-1", member.AadObjectId);
        Assert.Equal("ana@school.example", member.Email);
    }

    [Theory]
    [InlineData(10, "50")]
    [InlineData(120, "120")]
    [InlineData(900, "500")]
    public async Task PagedMembersClampsThePageSize(int asked, string sent)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.SetMembers("team-1", new TeamsChannelAccount { Id = "29:1" });

        await harness.Client.GetPagedMembersAsync(harness.Stub.BaseUrl, "team-1", asked);

        Assert.Equal(sent, Assert.Single(harness.Stub.Requests).Query["pageSize"]);
    }

    [Fact]
    public async Task PagedMembersFollowsTheContinuationTokenToTheLastPage()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var roster = Enumerable.Range(1, 120).Select(i => new TeamsChannelAccount { Id = "29:user" + i }).ToArray();
        harness.Stub.SetMembers(ChannelThread, roster);

        var ids = new List<string?>();
        string? token = null;
        do
        {
            var page = await harness.Client.GetPagedMembersAsync(harness.Stub.BaseUrl, ChannelThread, 50, token);
            ids.AddRange(page.Members.Select(m => m.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(roster.Select(m => m.Id), ids);
        Assert.Equal(3, harness.Stub.Requests.Count);
        Assert.False(harness.Stub.Requests[0].Query.ContainsKey("continuationToken"));
        Assert.Equal("100", harness.Stub.Requests[2].Query["continuationToken"]);
    }

    [Fact]
    public async Task AnErrorBodyGivesTheStatusAndCode()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.GetMemberAsync(harness.Stub.BaseUrl, "unknown-conversation", "29:1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("ConversationNotFound", error.ErrorCode);
        Assert.True(error.IsGone);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task AFailureLogsTheConnectorsCorrelationIdButNeitherTokenNorText()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var headers = new Dictionary<string, string> { ["X-Correlating-OperationId"] = "corr-7f3a" };
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Error(400, "BadArgument") with { Headers = headers });

        await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendAsync(harness.Stub.BaseUrl, PersonalChat, new Activity { Type = ActivityTypes.Message, Text = "secret words" }));

        var entry = Assert.Single(harness.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.EndsWith("ConnectorClient", StringComparison.Ordinal));
        Assert.Equal("corr-7f3a", entry.Values["CorrelationId"]);
        Assert.Equal("BadArgument", entry.Values["ErrorCode"]);
        Assert.Equal(400, entry.Values["StatusCode"]);
        Assert.All(harness.Logs.Entries, e =>
        {
            Assert.DoesNotContain("token-1", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret words", e.Message, StringComparison.Ordinal);
        });
    }
}
