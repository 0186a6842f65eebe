using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Conversations;
using TeamsEngage.Features.Privacy;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tenancy.TwoDistricts;

namespace TeamsEngage.Tests.Tenancy;

/// <summary>Export, erasure, uninstall and the retention sweep on a deployment serving two districts: nothing crosses.</summary>
public sealed class TwoTenantPrivacyTests
{
    [Fact]
    public async Task AnAdministratorOfOneTenantFindsExportsAndErasesNobodyOfAnother()
    {
        await using var bot = await StartAsync();
        var beasKey = DirectorySeeding.KeyOf(Bea);
        var notFound = Texts.For("en")[TextKeys.Privacy_NotFound];

        var found = await bot.ExecuteAsync(Adam, PrivacyVerbs.Find, new { query = DirectorySeeding.EmailOf(Bea) });
        var export = await bot.ExecuteAsync(Adam, PrivacyVerbs.Export, new { personKey = beasKey });
        var erase = await bot.ExecuteAsync(Adam, PrivacyVerbs.Erase, new { personKey = beasKey, confirmed = true });

        Assert.DoesNotContain(beasKey, NoticeFlow.CardOf(found).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(notFound, NoticeFlow.MessageOf(export));
        Assert.Equal(notFound, NoticeFlow.MessageOf(erase));
        using (TenantScope.Enter(Beta))
        {
            Assert.NotNull(await bot.Services.GetRequiredService<IPeopleDirectory>().FindAsync(beasKey));
            Assert.NotNull(await bot.Services.GetRequiredService<ConversationReferenceStore>().FindOwnAsync(Bea.UserId, CancellationToken.None));
        }
        using (TenantScope.Enter(Alpha))
        {
            var audit = await bot.Services.GetRequiredService<DirectoryAudit>().ListAsync(CancellationToken.None);
            Assert.DoesNotContain(audit, e => e.Action.StartsWith("privacy.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnExportLinkNamingAnotherTenantIsRefused()
    {
        await using var bot = await StartAsync();
        var response = await bot.ExecuteAsync(Bob, PrivacyVerbs.Export, new { personKey = DirectorySeeding.KeyOf(Bea) });
        var link = NoticeFlow.CardOf(response)["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        Assert.Contains("tenant=" + Beta, link, StringComparison.Ordinal);

        using var valid = await bot.Http.GetAsync(new Uri(link).PathAndQuery);
        using var moved = await bot.Http.GetAsync(new Uri(link.Replace("tenant=" + Beta, "tenant=" + Alpha, StringComparison.Ordinal)).PathAndQuery);

        Assert.Equal(System.Net.HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains(DirectorySeeding.EmailOf(Bea), await valid.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, moved.StatusCode);
    }

    [Fact]
    public async Task AnUninstallMarksThePersonLeftOnlyInTheirOwnTenant()
    {
        await using var bot = await StartAsync();

        using var response = await bot.PostFixtureAsync("installation-remove.json", Bea);
        response.EnsureSuccessStatusCode();

        var directory = bot.Services.GetRequiredService<IPeopleDirectory>();
        using (TenantScope.Enter(Beta))
        {
            Assert.NotNull((await directory.FindAsync(DirectorySeeding.KeyOf(Bea)))?.LeftAt);
            Assert.Null(await bot.Services.GetRequiredService<ConversationReferenceStore>().FindOwnAsync(Bea.UserId, CancellationToken.None));
        }
        using (TenantScope.Enter(Alpha))
        {
            Assert.Null(await directory.FindAsync(DirectorySeeding.KeyOf(Bea)));
            foreach (var persona in AlphaPeople)
            {
                Assert.Null((await directory.FindAsync(DirectorySeeding.KeyOf(persona)))?.LeftAt);
            }
        }
    }

    [Fact]
    public async Task TheSweepVisitsEveryTenantInItsOwnScope()
    {
        await using var bot = await StartAsync();
        using (var response = await bot.PostFixtureAsync("installation-remove.json", Bea))
        {
            response.EnsureSuccessStatusCode();
        }
        var sweep = bot.Services.GetRequiredService<RetentionSweep>();

        Assert.NotNull(await sweep.RunAsync(DateTimeOffset.UtcNow.AddDays(91), CancellationToken.None));

        var directory = bot.Services.GetRequiredService<IPeopleDirectory>();
        var audit = bot.Services.GetRequiredService<DirectoryAudit>();
        foreach (var tenant in new[] { Alpha, Beta })
        {
            using (TenantScope.Enter(tenant))
            {
                Assert.Single(await audit.ListAsync(CancellationToken.None), e => e.Action == "retention.swept");
            }
        }
        using (TenantScope.Enter(Beta))
        {
            Assert.Null(await directory.FindAsync(DirectorySeeding.KeyOf(Bea)));
            Assert.NotNull(await directory.FindAsync(DirectorySeeding.KeyOf(Lena)));
        }
        using (TenantScope.Enter(Alpha))
        {
            Assert.NotNull(await directory.FindAsync(DirectorySeeding.KeyOf(Ana)));
        }
    }
}
