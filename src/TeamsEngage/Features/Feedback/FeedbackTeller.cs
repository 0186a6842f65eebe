using System.Globalization;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// Tells an item's outcome (Planned, Done, Declined) to its named raiser and its supporters through the outbox: one
/// broadcast per item and version, whose id makes queuing it again a no-op and whose rows make each person's message
/// exactly one, through 429s and restarts. Anonymous raisers have no follower row, so nothing is ever queued for them.
/// </summary>
public sealed class FeedbackTeller(IOutbox outbox, FeedbackStore store)
{
    /// <summary>The broadcast id of an item's version.</summary>
    public static string BroadcastId(string itemId, int version) => string.Create(CultureInfo.InvariantCulture, $"feedback-{itemId}-v{version}");

    /// <summary>Queues the outcome of the item's current version, then records it as told.</summary>
    public async Task TellAsync(FeedbackItem item, CancellationToken cancellationToken)
    {
        var payload = new OutcomePayload(item.Id, item.Version);
        await outbox.QueueBroadcastAsync(
            BroadcastRequest.Create(BroadcastId(item.Id, item.Version), FeedbackOutboxKinds.Outcome, payload, OutboxPriority.Normal),
            BroadcastAudienceSpec.Create(FeedbackOutboxKinds.Followers, payload),
            cancellationToken).ConfigureAwait(false);
        await store.UpdateAsync(item.Id, current => current.ToldVersion >= item.Version
            ? Decision.Keep<FeedbackItem>()
            : Decision.Write(current with { ToldVersion = item.Version }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the item has an outcome that was never handed to the outbox (the process stopped in between).</summary>
    public static bool IsUntold(FeedbackItem item) => FeedbackItem.IsTold(item.State) && item.ToldVersion < item.Version;
}

/// <summary>The followers of one item, page by page in person-key order, for the outbox's writer.</summary>
public sealed class FeedbackFollowersAudience(FeedbackStore store, TeamsEngage.Calendar.QuietHours quiet) : IBroadcastAudience
{
    public string Kind => FeedbackOutboxKinds.Followers;

    public Task<int> CountAsync(string spec, CancellationToken cancellationToken) => store.CountFollowersAsync(Read(spec).ItemId, cancellationToken);

    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken)
    {
        var followers = await store.FollowersAsync(Read(spec).ItemId, afterPersonKey, max, cancellationToken).ConfigureAwait(false);
        // An outcome is routine news: it waits for its recipients' quiet hours.
        var notBefore = await quiet.HoldUntilAsync(cancellationToken).ConfigureAwait(false);
        return new BroadcastPage(
            [.. followers.Select(f => new BroadcastRecipient(f.PersonKey, f.UserId, null, null, notBefore))],
            followers.Count,
            followers.Count == max ? followers[^1].PersonKey : null);
    }

    public Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken) => Task.CompletedTask;

    // An unreadable spec must stop the writer, never widen the audience.
    private static OutcomePayload Read(string spec) =>
        OutboxPayload.Deserialize<OutcomePayload>(spec) ?? throw new InvalidOperationException("A feedback outcome's audience spec cannot be read.");
}

/// <summary>
/// Hands to the outbox every outcome whose item was written but whose broadcast was not queued (the process stopped in
/// between), every <see cref="FeedbackOptions.SweepInterval"/>, tenant by tenant.
/// </summary>
public sealed partial class FeedbackSweep(FeedbackStore store, FeedbackTeller teller, TenantRegistry tenants, TimeProvider clock, Microsoft.Extensions.Options.IOptions<FeedbackOptions> options, ILogger<FeedbackSweep> logger) : BackgroundService
{
    /// <summary>One sweep over every tenant; returns how many outcomes it queued.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var told = 0;
        await tenants.ForEachAsync(async (_, ct) =>
        {
            foreach (var item in (await store.ListAsync(ct).ConfigureAwait(false)).Where(FeedbackTeller.IsUntold))
            {
                await teller.TellAsync(item, ct).ConfigureAwait(false);
                told++;
            }
        }, cancellationToken).ConfigureAwait(false);
        return told;
    }

    // An untold outcome is rare (a stop between two writes) and a few minutes late is fine, so the first sweep waits an interval.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telling untold feedback outcomes failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
