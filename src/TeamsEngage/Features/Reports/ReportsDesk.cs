using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Reports;

/// <summary><c>reports</c>: the headline numbers of the last 30 days against the 30 before, and a signed link to the dashboard.</summary>
public sealed class ReportsDesk(ReportSessions sessions, ReportViewers viewers, OverviewReport overview, IOptions<ReportsOptions> options, TimeProvider clock)
{
    public async Task OpenAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var texts = command.Texts;
        var identity = new ReportIdentity(TenantScope.Require("reports"), command.Caller.UserId, command.Caller.AadObjectId);
        if (await viewers.ResolveAsync(identity, cancellationToken).ConfigureAwait(false) is not { } viewer)
        {
            await command.Turn.SendAsync(Replies.Text(texts.Reports_Refused), cancellationToken).ConfigureAwait(false);
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var summary = await overview.BuildAsync(viewer with { Texts = texts }, new ReportQuery(today.AddDays(-29), today, null), cancellationToken).ConfigureAwait(false);
        var link = await sessions.SignInLinkAsync(identity, cancellationToken).ConfigureAwait(false);
        var card = Summary(texts, summary.Sections[0].Tiles, link, options.Value.LinkLifetime);
        await command.Turn.SendAsync(Replies.Card(card, texts.Reports_CardTitle), cancellationToken).ConfigureAwait(false);
    }

    public static AdaptiveCard Summary(Texts texts, IReadOnlyList<ReportTile> tiles, Uri link, TimeSpan lifetime) => new(
        new TextBlock(texts.Reports_CardTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
        new TextBlock(texts.Reports_CardIntro) { Wrap = true, IsSubtle = true },
        new FactSet([.. tiles.Select(t => new Fact(t.Label, t.Change is { } change && change != texts.Reports_None ? $"{t.Value} ({change})" : t.Value))]),
        new TextBlock(texts.Reports_LinkNote(((int)Math.Ceiling(lifetime.TotalMinutes)).ToString(texts.Culture))) { Wrap = true, IsSubtle = true })
    {
        Actions = [new OpenUrlAction(texts.Reports_Open, link)],
        FallbackText = texts.Reports_CardTitle,
    };
}
