using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>A notice the caller may change, or the polite refusal to show instead.</summary>
public sealed record AuthorAccess(Notice? Notice, string? Refusal)
{
    public CardActionResult Refused() => CardActionResult.WithMessage(Refusal ?? string.Empty);
}

/// <summary>
/// The server-side checks behind every author button: card data can be forged, so the caller must be an administrator
/// and the author of the notice the data names.
/// </summary>
public sealed class NoticeAccess(NoticeStore notices, IPeopleDirectory directory)
{
    public async Task<AuthorAccess> ForAuthorAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        if (!context.Caller.Has(Role.Administrator))
        {
            return new AuthorAccess(null, texts["Notice_Refused"]);
        }
        var id = context.DataAs<NoticeActionData>()?.NoticeId;
        var notice = id is null ? null : await notices.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (notice is null)
        {
            return new AuthorAccess(null, texts["Notice_NotFound"]);
        }
        if (!string.Equals(notice.AuthorUserId, context.Caller.UserId, StringComparison.Ordinal))
        {
            return new AuthorAccess(null, texts["Notice_NotYours"]);
        }
        return new AuthorAccess(notice, null);
    }

    /// <summary>The composer for a form, with the departments of the directory and the zones offered to this author.</summary>
    public async Task<AdaptiveCard> ComposerAsync(TurnContext turn, Texts texts, NoticeForm form, IReadOnlyList<string> errors, bool live, CancellationToken cancellationToken)
    {
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var zones = PeopleTime.ZonesFor(turn.Activity.GetTimeZone());
        return NoticeComposerCards.Composer(form, errors, departments, zones, texts, live);
    }

    /// <summary>The edit form of a notice; pilot people are shown by email so the form resolves to the same people.</summary>
    public async Task<NoticeForm> FormOfAsync(Notice notice, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (notice.Content.Audience.Kind == AudienceKind.People)
        {
            foreach (var key in notice.Content.Audience.Values)
            {
                var person = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
                labels[key] = person?.Email ?? person?.Name ?? key;
            }
        }
        return NoticeForm.FromNotice(notice, labels);
    }

    /// <summary>What differs between two versions of a notice, as recipients would notice it.</summary>
    public static NoticeChanges Compare(NoticeContent before, NoticeContent after)
    {
        var changes = NoticeChanges.None;
        if (before.Window != after.Window)
        {
            changes |= NoticeChanges.Schedule;
        }
        if (!string.Equals(before.Title, after.Title, StringComparison.Ordinal))
        {
            changes |= NoticeChanges.Title;
        }
        if (!string.Equals(before.What, after.What, StringComparison.Ordinal) || !string.Equals(before.Why, after.Why, StringComparison.Ordinal))
        {
            changes |= NoticeChanges.Details;
        }
        if (before.Impact != after.Impact)
        {
            changes |= NoticeChanges.Impact;
        }
        if (!before.Links.SequenceEqual(after.Links))
        {
            changes |= NoticeChanges.Links;
        }
        if (before.AckRequired != after.AckRequired)
        {
            changes |= NoticeChanges.Acknowledgement;
        }
        return changes;
    }
}
