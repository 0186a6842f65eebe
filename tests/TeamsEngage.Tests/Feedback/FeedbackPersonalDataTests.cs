using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Privacy;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

public sealed class FeedbackPersonalDataTests
{
    [Fact]
    public async Task APersonsFeedbackIsExportedAndErasureKeepsTheItemsAndTheirCountsWithoutThem()
    {
        await using var bot = await StartAsync();
        var raised = await bot.FileAsync(Ana, "Microscope cameras for the biology lab");
        var supported = await bot.FileAsync(Gus, "Headphones for the language lab");
        await bot.SupportAsync(Ana, supported);
        var privacy = bot.Services.GetRequiredService<PersonalDataService>();
        using var tenant = Fixtures.InHomeTenant();

        var export = Encoding.UTF8.GetString((await privacy.ExportAsync(DirectorySeeding.KeyOf(Ana), CancellationToken.None))!.Json!);
        await privacy.EraseAsync(DirectorySeeding.KeyOf(Ana), "test", CancellationToken.None);

        Assert.Contains(raised, export, StringComparison.Ordinal);
        Assert.Contains("Microscope cameras for the biology lab", export, StringComparison.Ordinal);
        Assert.Contains(supported, export, StringComparison.Ordinal);
        var item = (await bot.Store().FindAsync(raised, CancellationToken.None))!;
        Assert.Equal((null, null, 1), (item.RaiserKey, item.RaiserUserId, item.Supporters));
        Assert.Equal(2, (await bot.Store().FindAsync(supported, CancellationToken.None))!.Supporters);
        Assert.False(await bot.Store().FollowsAsync(supported, DirectorySeeding.KeyOf(Ana), CancellationToken.None));
        Assert.Equal(0, await bot.Store().CountFollowersAsync(raised, CancellationToken.None));
    }
}
