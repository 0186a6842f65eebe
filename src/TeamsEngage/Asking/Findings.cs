using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Asking;

/// <summary>
/// What an author tells the people they asked (a poll, a survey) once it has closed: what was learned, what happens
/// next, whether the results go with it, and the feedback items it answers. <see cref="SharedAt"/> is
/// <see cref="DateTimeOffset.MinValue"/> until it is shared.
/// </summary>
public sealed record Findings(string Learned, string NextSteps, bool WithResults, DateTimeOffset SharedAt, IReadOnlyList<string>? Cites = null);

/// <summary>What the findings composer holds: the two texts, the results switch (<c>true</c>/<c>false</c>) and the cited ids.</summary>
public sealed record FindingsForm(string? Learned, string? NextSteps, string? WithResults, string? Cites);

/// <summary>How far shared findings got: delivered so far out of the people they went to (rows written so far).</summary>
public sealed record FindingsReach(int Delivered, int Recipients)
{
    /// <summary>The reach of the findings broadcast <paramref name="broadcastId"/>, read from the outbox's records.</summary>
    public static async Task<FindingsReach> ReadAsync(IOutbox outbox, string broadcastId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        int delivered = 0, recipients = 0;
        await foreach (var delivery in outbox.ReadDeliveriesAsync(broadcastId, cancellationToken).ConfigureAwait(false))
        {
            recipients++;
            delivered += delivery.Status == DeliveryStatus.Sent ? 1 : 0;
        }
        return new FindingsReach(delivered, recipients);
    }
}

/// <summary>
/// The rules of findings, whatever was asked: both texts are required and bounded, at most <see cref="MaxCites"/>
/// feedback items may be cited and each must exist.
/// </summary>
public sealed class FindingsRules(IEnumerable<IFeedbackOutcomes> feedback)
{
    public const int MaxLength = 1000;
    public const int MaxCites = 10;

    /// <summary>What is wrong with the form, or null when it can be shared.</summary>
    public async Task<string?> CheckAsync(FindingsForm form, Texts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(texts);
        var learned = CleanOf(form.Learned);
        var next = CleanOf(form.NextSteps);
        if (learned.Length == 0 || next.Length == 0)
        {
            return texts.Findings_Required;
        }
        if (learned.Length > MaxLength || next.Length > MaxLength)
        {
            return texts.Findings_TooLong(MaxLength);
        }
        var ids = CitesOf(form.Cites);
        if (ids.Count > MaxCites)
        {
            return texts.Findings_TooManyCites(MaxCites);
        }
        foreach (var id in ids)
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return texts.Findings_UnknownCite(CardText.Escape(id));
            }
        }
        return null;
    }

    /// <summary>The findings a checked form describes, shared at <paramref name="sharedAt"/>.</summary>
    public static Findings Draft(FindingsForm form, DateTimeOffset sharedAt)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new Findings(CleanOf(form.Learned), CleanOf(form.NextSteps), form.WithResults != "false", sharedAt, CitesOf(form.Cites));
    }

    /// <summary>The form that holds <paramref name="findings"/>, for Edit and Send.</summary>
    public static FindingsForm FormOf(Findings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return new FindingsForm(findings.Learned, findings.NextSteps, findings.WithResults ? "true" : "false", string.Join(", ", findings.Cites ?? []));
    }

    /// <summary>The feedback items the findings cite, as they stand now (items that went away are left out).</summary>
    public async Task<IReadOnlyList<CitedFeedback>> CitedAsync(Findings findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var cited = new List<CitedFeedback>();
        foreach (var id in findings.Cites ?? [])
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } item)
            {
                cited.Add(item);
            }
        }
        return cited;
    }

    private async Task<CitedFeedback?> FindAsync(string id, CancellationToken cancellationToken)
    {
        foreach (var source in feedback)
        {
            if (await source.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } item)
            {
                return item;
            }
        }
        return null;
    }

    private static List<string> CitesOf(string? cites) =>
        [.. (cites ?? string.Empty).Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    private static string CleanOf(string? text) => CardText.Clean(text ?? string.Empty).Trim();
}
