using System.Text.Json.Nodes;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

public sealed class FeedbackDigestTests
{
    [Fact]
    public async Task TheDigestComposerIsPreFilledWithEveryOutcomeSinceTheLastDigest()
    {
        await using var bot = await StartAsync();
        var done = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        var planned = await bot.FileAsync(Gus, "Headphones for the language lab");
        var declined = await bot.FileAsync(Hal, "A 3D printer for every room");
        var untouched = await bot.FileAsync(Carmen, "Más enchufes en el aula 4");
        await bot.MoveAsync(Eli, done, "Planned", targetDate: "2027-01-10");
        await bot.MoveAsync(Eli, done, "Done");
        await bot.MoveAsync(Eli, planned, "Planned", targetDate: "2027-03-01");
        await bot.MoveAsync(Eli, declined, "Declined", reason: "Not in this year's budget");
        await bot.MoveAsync(Eli, untouched, "UnderReview");

        var text = await OpenDigestTextAsync(bot);

        Assert.Equal(
            $"- Planned for Mon 1 Mar 2027: Headphones for the language lab ({planned})\n- Done: Microscope cameras for the biology lab ({done})\n- Declined: A 3D printer for every room ({declined}). Why: Not in this year's budget",
            text);
    }

    [Fact]
    public async Task ASentDigestReachesItsAudienceOnceAndTheNextStartsAfterIt()
    {
        await using var bot = await StartAsync();
        var first = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        await bot.MoveAsync(Eli, first, "Planned", targetDate: "2027-01-10");
        var text = await OpenDigestTextAsync(bot);

        var preview = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.DigestPreview, Form("You said, we did: January", text + "\nThank you all!", "Departments", "art")));
        var digestId = preview["actions"]![0]!["data"]!["digestId"]!.GetValue<string>();
        var sent = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.DigestSend, new { digestId }));
        var again = MessageOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.DigestSend, new { digestId }));
        await bot.WaitForSentAsync(Hal, "You said, we did: January", "Thank you all!");
        await bot.WaitForSentAsync(Fay, "You said, we did: January");

        Assert.Contains("It goes to 2 people.", CardReading.Said(preview), StringComparison.Ordinal);
        Assert.Equal("Sent: You said, we did: January", SentCards.TitleOf(sent));
        Assert.Equal("This digest was sent already.", again);
        Assert.Equal((1, 1, 0), (bot.Count(Hal, "Thank you all!"), bot.Count(Fay, "Thank you all!"), bot.Count(Ana, "Thank you all!")));
        var reach = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.DigestReach, new { digestId }));
        Assert.Contains("Recipients: 2", CardReading.Said(reach), StringComparison.Ordinal);
        var second = await bot.FileAsync(Gus, "Headphones for the language lab");
        await bot.MoveAsync(Eli, second, "Planned", targetDate: "2027-02-02");
        Assert.Equal($"- Planned for Tue 2 Feb 2027: Headphones for the language lab ({second})", await OpenDigestTextAsync(bot));
    }

    [Fact]
    public async Task OnlyAdministratorsComposeOrSendDigests()
    {
        await using var bot = await StartAsync();
        var preview = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.DigestPreview, Form("Hello", "Text", "Everyone", "")));
        var digestId = preview["actions"]![0]!["data"]!["digestId"]!.GetValue<string>();

        await bot.SayAsync(Ben, "resumen");
        var forged = await bot.ExecuteAsync(Ben, FeedbackVerbs.DigestSend, new { digestId });

        Assert.Equal("That command is for the IT team. Type **help** to see what you can do.", (await bot.Connector.WaitForActivitiesAsync(Ben.ConversationId))[0].Text);
        Assert.Equal("Only administrators compose and send digests. Nothing was sent.", MessageOf(forged));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, bot.Count(Ana, "Hello"));
    }

    [Fact]
    public async Task AnIncompleteDigestOrAnUnknownDepartmentComesBackToTheComposer()
    {
        await using var bot = await StartAsync();

        var card = CardOf(await bot.ExecuteAsync(Eli, FeedbackVerbs.DigestPreview, Form("Hello", "Text", "Departments", "NOPE")));

        Assert.Contains("A digest needs a title, a text and an audience", CardReading.Said(card), StringComparison.Ordinal);
    }

    private static async Task<string> OpenDigestTextAsync(BotApplication bot)
    {
        bot.Connector.ClearRequests();
        await bot.SayAsync(Eli, "digest");
        var card = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Eli.ConversationId))[0]);
        return card["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "text")!["value"]?.GetValue<string>() ?? "";
    }

    private static object Form(string title, string text, string audience, string departments) =>
        new { title, text, audience, departments, coveredUntil = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
}
