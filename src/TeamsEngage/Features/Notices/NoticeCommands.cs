using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Notices;

/// <summary><c>announce</c>: opens the composer (administrators; the dispatcher refuses everyone else).</summary>
public sealed class AnnounceCommand(NoticeAccess access, TimeProvider clock) : ICommand
{
    public BotCommand Command => BotCommands.Announce;

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var zone = PeopleTime.Find(context.Turn.Activity.GetTimeZone()) is not null ? context.Turn.Activity.GetTimeZone()! : PeopleTime.CommonZones[0];
        var form = NoticeForm.Blank(clock.GetUtcNow(), zone);
        var card = await access.ComposerAsync(context.Turn, context.Caller.Texts, form, [], live: false, cancellationToken).ConfigureAwait(false);
        await context.Turn.SendAsync(Replies.Card(card, context.Caller.Texts["Notice_ComposerTitle"]), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>notices</c>: the caller's notices, newest first, with their status and what can be changed.</summary>
public sealed class NoticesCommand(NoticeStore notices) : ICommand
{
    public const int Shown = 10;

    public BotCommand Command => BotCommands.Notices;

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var mine = await notices.ListAsync(cancellationToken)
            .Where(n => string.Equals(n.AuthorUserId, context.Caller.UserId, StringComparison.Ordinal))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var newest = mine.OrderByDescending(n => n.CreatedAt).Take(Shown).ToList();
        var card = NoticeAuthorCards.List(newest, context.Caller.Texts);
        await context.Turn.SendAsync(Replies.Card(card, context.Caller.Texts["Notice_ListTitle"]), cancellationToken).ConfigureAwait(false);
    }
}
