using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Privacy;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

public sealed class FeedbackRetentionTests
{
    [Fact]
    public async Task AYearAfterItsOutcomeAnItemKeepsItsTextOutcomeAndCountButNothingOfWhoRaisedOrSupportedIt()
    {
        await using var bot = await StartAsync();
        var closed = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        var open = await bot.FileAsync(Gus, "Headphones for the language lab");
        await bot.SupportAsync(Gus, closed);
        await bot.SupportAsync(Carmen, closed);
        await bot.SupportAsync(Ana, open);
        await bot.MoveAsync(Ben, closed, "Declined", reason: "The lab is being refitted next year.");
        await bot.WaitForSentAsync(Ana, closed, "IT declined it");
        await bot.WaitUntilRecordedAsync(FeedbackTeller.BroadcastId(closed, 1));
        var decided = (await bot.ItemAsync(closed)).ChangedAt!.Value;
        var sweep = bot.Services.GetRequiredService<RetentionSweep>();

        await sweep.RunAsync(decided.AddDays(364), CancellationToken.None);
        Assert.Equal(3, await FollowerRowsAsync(bot, closed));

        Assert.NotNull(await sweep.RunAsync(decided.AddDays(366), CancellationToken.None));

        var item = await bot.ItemAsync(closed);
        Assert.Equal((FeedbackState.Declined, "Microscope cameras for the biology lab", 3), (item.State, item.Text, item.Supporters));
        Assert.Equal(0, await FollowerRowsAsync(bot, closed));
        Assert.Equal(2, await FollowerRowsAsync(bot, open));
        var raw = await RawItemAsync(bot, closed);
        foreach (var trace in new[] { Ana, Gus, Carmen }.SelectMany(p => new[] { p.UserId, p.AadObjectId, DirectorySeeding.KeyOf(p) }))
        {
            Assert.DoesNotContain(trace, raw, StringComparison.OrdinalIgnoreCase);
        }
        using var tenant = Fixtures.InHomeTenant();
        var export = Encoding.UTF8.GetString((await bot.Services.GetRequiredService<PersonalDataService>().ExportAsync(DirectorySeeding.KeyOf(Ana), CancellationToken.None))!.Json!);
        Assert.DoesNotContain(closed, export, StringComparison.Ordinal);
        Assert.Contains(open, export, StringComparison.Ordinal);
    }

    private static async Task<int> FollowerRowsAsync(BotApplication bot, string itemId)
    {
        using var tenant = Fixtures.InHomeTenant();
        return await bot.Services.GetRequiredService<ITableStore>().Table(FeedbackStore.FollowersTable).QueryAllAsync(itemId).CountAsync();
    }

    private static async Task<string> RawItemAsync(BotApplication bot, string itemId)
    {
        using var tenant = Fixtures.InHomeTenant();
        var row = await bot.Services.GetRequiredService<ITableStore>().Table(FeedbackStore.ItemsTable).GetAsync("item", itemId, CancellationToken.None);
        return string.Join('|', row!.Properties.Select(p => $"{p.Key}={p.Value}"));
    }
}
