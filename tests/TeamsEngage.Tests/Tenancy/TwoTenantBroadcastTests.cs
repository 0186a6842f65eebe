using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tenancy.TwoDistricts;

namespace TeamsEngage.Tests.Tenancy;

/// <summary>
/// Queued broadcasts are written by one background writer for every tenant: each with the audience of the tenant it was
/// queued in, although both districts have a department SCI.
/// </summary>
public sealed class TwoTenantBroadcastTests
{
    [Fact]
    public async Task NoticesToScienceQueuedInTwoTenantsAtOnceAreEachWrittenWithTheirOwnTenantsScienceDepartmentOnly()
    {
        await using var bot = await StartAsync();

        var alphaNotice = await PreviewToScienceAsync(bot, Adam);
        var betaNotice = await PreviewToScienceAsync(bot, Bob);
        await Task.WhenAll(SendAsync(bot, Adam, alphaNotice), SendAsync(bot, Bob, betaNotice));

        var alphaRows = await WrittenRowsAsync(bot, Alpha, alphaNotice);
        var betaRows = await WrittenRowsAsync(bot, Beta, betaNotice);
        Assert.Equal(await ScienceAsync(bot, Alpha), alphaRows);
        Assert.Equal(await ScienceAsync(bot, Beta), betaRows);
        Assert.Contains(Ana.UserId, alphaRows);
        Assert.Contains(Bea.UserId, betaRows);
        Assert.Empty(alphaRows.Intersect(BetaPeople.Select(p => p.UserId)));
        Assert.Empty(betaRows.Intersect(AlphaPeople.Select(p => p.UserId)));
        using (TenantScope.Enter(Beta))
        {
            Assert.Null(await bot.Services.GetRequiredService<IOutbox>().ReadProgressAsync(alphaNotice));
        }
        await NoticeFlow.WaitForNoticeAsync(bot, Ana);
        await NoticeFlow.WaitForNoticeAsync(bot, Bea);
        Assert.DoesNotContain(MessagesTo(bot, BetaPeople), r => r.Body.Contains(alphaNotice, StringComparison.Ordinal));
        Assert.DoesNotContain(MessagesTo(bot, AlphaPeople), r => r.Body.Contains(betaNotice, StringComparison.Ordinal));
    }

    private static async Task<string> PreviewToScienceAsync(BotApplication bot, Persona author)
    {
        var preview = NoticeFlow.CardOf(await bot.ExecuteAsync(author, NoticeVerbs.Preview, NoticeFlow.Form(departments: "SCI")));
        return NoticeFlow.Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send)["data"]!["noticeId"]!.GetValue<string>();
    }

    private static async Task SendAsync(BotApplication bot, Persona author, string noticeId)
    {
        var sent = await bot.ExecuteAsync(author, NoticeVerbs.Send, new { noticeId });
        Assert.StartsWith("Sent:", NoticeCardTests.TextBlocks(NoticeFlow.CardOf(sent)).First(), StringComparison.Ordinal);
    }

    /// <summary>The user ids of the broadcast's rows, once the writer has finished it, read inside its tenant.</summary>
    private static async Task<IReadOnlySet<string>> WrittenRowsAsync(BotApplication bot, string tenant, string noticeId)
    {
        using var scope = TenantScope.Enter(tenant);
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        await TeamsEngage.Testing.Waiting.Eventually.TrueAsync(async () => await outbox.ReadProgressAsync(noticeId) is { Done: true }, $"{noticeId} to be written");
        var rows = await outbox.ReadDeliveriesAsync(noticeId).ToListAsync();
        Assert.All(rows, r => Assert.NotNull(r.UserId));
        return rows.Select(r => r.UserId!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Who is in SCI in the tenant's own directory.</summary>
    private static async Task<IReadOnlySet<string>> ScienceAsync(BotApplication bot, string tenant)
    {
        using var scope = TenantScope.Enter(tenant);
        var people = await bot.Services.GetRequiredService<IPeopleDirectory>()
            .ResolveAudienceAsync(new Audience(AudienceKind.Departments, ["SCI"])).ToListAsync();
        return people.Select(p => p.UserId!).ToHashSet(StringComparer.Ordinal);
    }
}
