using TeamsEngage.Tests.Feedback;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Services;

/// <summary>The service card's "Give feedback" opens the feedback form about that service.</summary>
public sealed class ServiceFeedbackTests
{
    [Fact]
    public async Task GiveFeedbackOnAServiceCardPreSelectsTheServiceAndTheItemKeepsIt()
    {
        await using var bot = await ServiceWorld.StartAsync();
        var ana = Tickets.TicketWorld.Ana;
        var card = FeedbackWorld.CardOf(await bot.ExecuteAsync(ana, "services.show", new { serviceId = "wifi" }));
        var (verb, data) = ServiceWorld.Buttons(card).Single(b => b.Verb == "feedback.compose");

        var opened = FeedbackWorld.MessageOf(await bot.ExecuteAsync(ana, verb, data!.DeepClone()));
        var form = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(ana.ConversationId))[^1]);
        var topic = form["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "topic")!;
        var id = await bot.FileAsync(ana, "The staff network drops during assemblies", topic: "service:wifi");

        Assert.Equal("The feedback form is below.", opened);
        Assert.Equal("service:wifi", topic["value"]!.GetValue<string>());
        Assert.Contains(topic["choices"]!.AsArray(), c => c!["title"]!.GetValue<string>() == "Wi-Fi");
        var item = await bot.ItemAsync(id);
        Assert.Equal(("service:wifi", "Wi-Fi"), (item.Topic, item.TopicTitle));
    }
}
