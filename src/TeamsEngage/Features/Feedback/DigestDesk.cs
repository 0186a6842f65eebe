using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Feedback;

/// <summary>What a digest's reach is: people written for, sent, waiting, and not reachable or failed.</summary>
public sealed record DigestReach(int Recipients, int Sent, int Pending, int NotReached);

/// <summary>
/// <c>digest</c>: the composer pre-filled with every outcome since the last digest, a preview, sending to an audience
/// through the outbox like a notice, and its reach.
/// </summary>
public sealed class DigestDesk(FeedbackStore items, DigestStore digests, IPeopleDirectory directory, IOutbox outbox, TimeProvider clock)
{
    public const int MaxText = 4000;

    public async Task OpenAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var texts = command.Texts;
        var now = clock.GetUtcNow();
        var (since, lastId) = await digests.LastAsync(cancellationToken).ConfigureAwait(false);
        var changed = (await items.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(i => FeedbackItem.IsTold(i.State) && i.ChangedAt is { } at && at <= now && (since is null || at > since))
            .OrderBy(i => i.State).ThenBy(i => i.ChangedAt).ToList();
        var form = new DigestForm(texts.Feedback_DigestDefaultTitle, Prefill(texts, changed), nameof(AudienceKind.Everyone), "", now.ToString("O", CultureInfo.InvariantCulture));
        var last = lastId is null ? null : await ReachAsync(lastId, cancellationToken).ConfigureAwait(false);
        await command.Turn.SendAsync(Replies.Card(DigestCards.Composer(texts, form, changed.Count, since is { } at ? (at, PeopleTime.ZoneOrUtc(command.Turn.Activity.GetTimeZone())) : null, last), texts.Feedback_DigestTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the form, stores it as a draft and shows it as recipients will see it, with how many it goes to.</summary>
    public async Task<CardActionResult> PreviewAsync(CardAction<DigestForm> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var form = action.Data;
        var audience = await AudienceAsync(form, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(form.Title) || string.IsNullOrWhiteSpace(form.Text) || audience is null
            || !DateTimeOffset.TryParse(form.CoveredUntil, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var covered))
        {
            return CardActionResult.WithCard(DigestCards.Composer(texts, form, null, null, null, texts.Feedback_DigestIncomplete));
        }
        var digest = new Digest(DigestStore.NewId(), form.Title.Trim(), form.Text.Trim(), audience, covered);
        await digests.InsertAsync(digest, cancellationToken).ConfigureAwait(false);
        var count = 0;
        await foreach (var _ in directory.ResolveAudienceAsync(audience, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }
        return CardActionResult.WithCard(DigestCards.Preview(texts, digest, count));
    }

    /// <summary>The composer again, with what the draft says.</summary>
    public async Task<CardActionResult> EditAsync(CardAction<DigestRef> action, CancellationToken cancellationToken) =>
        await digests.FindAsync(action.Data.DigestId!, cancellationToken).ConfigureAwait(false) is { Sent: false } draft
            ? CardActionResult.WithCard(DigestCards.Composer(action.Texts, FormOf(draft), null, null, null))
            : CardActionResult.WithMessage(action.Texts.Feedback_DigestAlreadySent);

    /// <summary>Sends a draft once (the ETag decides between two presses) to its audience through the outbox.</summary>
    public async Task<CardActionResult> SendAsync(CardAction<DigestRef> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var result = await digests.UpdateAsync(action.Data.DigestId!, d => d.Sent
            ? Decision.Refuse<Digest>(TextKeys.Feedback_DigestAlreadySent)
            : Decision.Write(d with { Sent = true, SentAt = clock.GetUtcNow() }), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == UpdateOutcome.NotFound)
        {
            return CardActionResult.NotFound;
        }
        if (!result.Written || result.State is not { } sent)
        {
            return CardActionResult.WithMessage(texts[result.Refusal ?? TextKeys.Feedback_ChangedMeanwhile]);
        }
        await outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(sent.Id, FeedbackOutboxKinds.Digest, new DigestPayload(sent.Id)),
            BroadcastAudienceSpec.Create(FeedbackOutboxKinds.DigestAudience, new DigestAudienceSpec(sent.Audience)),
            cancellationToken).ConfigureAwait(false);
        await digests.SetLastAsync(sent, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(DigestCards.Reach(texts, sent, await ReachAsync(sent.Id, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>How far a sent digest got.</summary>
    public async Task<CardActionResult> ReachAsync(CardAction<DigestRef> action, CancellationToken cancellationToken) =>
        await digests.FindAsync(action.Data.DigestId!, cancellationToken).ConfigureAwait(false) is { Sent: true } sent
            ? CardActionResult.WithCard(DigestCards.Reach(action.Texts, sent, await ReachAsync(sent.Id, cancellationToken).ConfigureAwait(false)))
            : CardActionResult.NotFound;

    private async Task<DigestReach> ReachAsync(string digestId, CancellationToken cancellationToken)
    {
        int all = 0, sent = 0, pending = 0;
        await foreach (var delivery in outbox.ReadDeliveriesAsync(digestId, cancellationToken).ConfigureAwait(false))
        {
            all++;
            sent += delivery.Status == DeliveryStatus.Sent ? 1 : 0;
            pending += delivery.Status == DeliveryStatus.Pending ? 1 : 0;
        }
        return new DigestReach(all, sent, pending, all - sent - pending);
    }

    private async Task<Audience?> AudienceAsync(DigestForm form, CancellationToken cancellationToken)
    {
        if (form.Audience != nameof(AudienceKind.Departments))
        {
            return Audience.Everyone;
        }
        var codes = (form.Departments ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = (await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false)).Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return codes.Length > 0 && codes.All(known.Contains) ? new Audience(AudienceKind.Departments, [.. codes.Select(c => c.ToUpperInvariant())]) : null;
    }

    private static DigestForm FormOf(Digest draft) => new(
        draft.Title, draft.Text, draft.Audience.Kind.ToString(), string.Join(',', draft.Audience.Values), draft.CoveredUntil.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>One line per outcome, done first, then planned with dates, then declined with reasons; the administrator edits freely.</summary>
    public static string Prefill(Texts texts, IReadOnlyList<FeedbackItem> changed) => string.Join('\n', changed.Select(i => i.State switch
    {
        FeedbackState.Done => texts.Feedback_DigestLineDone(Short(i.Text), i.Id),
        FeedbackState.Planned => texts.Feedback_DigestLinePlanned(FeedbackCards.Day(i.TargetDate, texts), Short(i.Text), i.Id),
        _ => texts.Feedback_DigestLineDeclined(Short(i.Text), i.Id, i.Reason ?? ""),
    }));

    private static string Short(string text) => Cards.CardText.Truncate(text.ReplaceLineEndings(" "), 140);
}
