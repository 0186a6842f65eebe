using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// How an outcome is written on its row: attempts counted up, the failure and send meters under the right tenant, a
/// changed or vanished row left alone, a sent mark retried a bounded number of times on a failing store and never on a
/// row that changed.
/// </summary>
public sealed class DeliveryRecorderRulesTests
{
    [Fact]
    public async Task EachRecordedOutcomeCountsTheAttemptThatLedToIt()
    {
        using var parts = await OutboxParts.CreateAsync();
        var pending = await parts.BroadcastRowAsync("b-count", "29:ana");
        pending.Attempts = 2;

        await parts.Recorder.FinishAsync(pending, DeliveryStatus.Failed, FailureReasons.Error, CancellationToken.None);

        var stored = (await parts.StoredAsync(pending))!;
        Assert.Equal(nameof(DeliveryStatus.Failed), stored.GetString(RowFields.Status));
        Assert.Equal(3, stored.GetInt32(RowFields.Attempts));
    }

    [Fact]
    public async Task FailedAndUnreachableMessagesAreCountedAsFailuresAndACancelledOneIsNot()
    {
        using var parts = await OutboxParts.CreateAsync();
        var failed = await parts.BroadcastRowAsync("b-meters", "29:ana");
        var unreachable = await parts.BroadcastRowAsync("b-meters", "29:ben");
        var cancelled = await parts.BroadcastRowAsync("b-meters", "29:carmen");

        await parts.Recorder.FinishAsync(failed, DeliveryStatus.Failed, FailureReasons.Blocked, CancellationToken.None);
        await parts.Recorder.FinishAsync(unreachable, DeliveryStatus.Unreachable, FailureReasons.NotInstalled, CancellationToken.None);
        await parts.Recorder.FinishAsync(cancelled, DeliveryStatus.Cancelled, null, CancellationToken.None);

        Assert.Equal(1, parts.Sum("teamsengage.outbox.failures", ("tenant.id", OutboxParts.Tenant), ("outcome", "Failed"), ("reason", FailureReasons.Blocked)));
        Assert.Equal(1, parts.Sum("teamsengage.outbox.failures", ("outcome", "Unreachable"), ("reason", FailureReasons.NotInstalled)));
        Assert.Equal(2, parts.Sum("teamsengage.outbox.failures"));
        Assert.Equal(nameof(DeliveryStatus.Cancelled), (await parts.StoredAsync(cancelled))!.GetString(RowFields.Status));
    }

    [Fact]
    public async Task ASentMessageIsCountedAndRecordedWithItsConversationAndActivity()
    {
        using var parts = await OutboxParts.CreateAsync();
        var pending = await parts.BroadcastRowAsync("b-sent", "29:ana");

        await parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);

        var stored = (await parts.StoredAsync(pending))!;
        Assert.Equal(nameof(DeliveryStatus.Sent), stored.GetString(RowFields.Status));
        Assert.Equal("a:conv-ana", stored.GetString(RowFields.ConversationId));
        Assert.Equal("act-1", stored.GetString(RowFields.ActivityId));
        Assert.Equal(1, parts.Sum("teamsengage.outbox.sends", ("tenant.id", OutboxParts.Tenant)));
    }

    [Fact]
    public async Task AnOutcomeIsCountedUnderTheTenantTheRowWaitedForElseItsBroadcastsElseTheRowsOwn()
    {
        using var parts = await OutboxParts.CreateAsync();
        var waited = await parts.BroadcastRowAsync("b-tenant", "29:ana", OutboxParts.Tenant, OutboxParts.Header("b-tenant", tenant: OutboxParts.OtherTenant));
        waited.TenantId = OutboxParts.ThirdTenant;
        var fromHeader = await parts.BroadcastRowAsync("b-tenant", "29:ben", OutboxParts.Tenant, OutboxParts.Header("b-tenant", tenant: OutboxParts.OtherTenant));
        var fromRow = await parts.BroadcastRowAsync("b-tenant", "29:carmen", OutboxParts.Tenant);

        await parts.Recorder.FinishSentAsync(waited, "a:conv", "act", CancellationToken.None);
        await parts.Recorder.FinishSentAsync(fromHeader, "a:conv", "act", CancellationToken.None);
        await parts.Recorder.FinishAsync(fromRow, DeliveryStatus.Failed, FailureReasons.Error, CancellationToken.None);

        Assert.Equal(1, parts.Sum("teamsengage.outbox.sends", ("tenant.id", OutboxParts.ThirdTenant)));
        Assert.Equal(1, parts.Sum("teamsengage.outbox.sends", ("tenant.id", OutboxParts.OtherTenant)));
        Assert.Equal(1, parts.Sum("teamsengage.outbox.failures", ("tenant.id", OutboxParts.Tenant)));
    }

    [Fact]
    public async Task ASingleMessagesRowIsDeletedOnceSentAndNothingIsWrittenAfterIt()
    {
        var updates = new List<StoreEntity>();
        using var parts = await OutboxParts.CreateAsync(bend: t => t.Name == OutboxKeys.RowsTable ? new FailingUpdates(t, updates, _ => null) : t);
        var pending = await parts.QueuedRowAsync("29:ana");

        await parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);

        Assert.Null(await parts.StoredAsync(pending));
        Assert.Empty(updates);
    }

    [Fact]
    public async Task AFailureMarkOnARowChangedOrDeletedMeanwhileLeavesTheRowAsItIsWithoutAnError()
    {
        using var parts = await OutboxParts.CreateAsync();
        var changed = await parts.BroadcastRowAsync("b-changed", "29:ana");
        var deleted = await parts.BroadcastRowAsync("b-changed", "29:ben");
        var rows = parts.Tables.Rows;
        await rows.UpdateAsync(changed.Row with { Properties = new Dictionary<string, object?>(changed.Row.Properties) { [RowFields.Reason] = "other" } });
        await rows.DeleteAsync(deleted.Row.PartitionKey, deleted.Row.RowKey, null);

        await parts.Recorder.FinishAsync(changed, DeliveryStatus.Failed, FailureReasons.Error, CancellationToken.None);
        await parts.Recorder.FinishAsync(deleted, DeliveryStatus.Failed, FailureReasons.Error, CancellationToken.None);

        var stored = (await parts.StoredAsync(changed))!;
        Assert.Equal(nameof(DeliveryStatus.Pending), stored.GetString(RowFields.Status));
        Assert.Equal("other", stored.GetString(RowFields.Reason));
        Assert.Null(await parts.StoredAsync(deleted));
    }

    [Fact]
    public async Task ASentMarkOnAFailingStoreIsTriedExactlyThreeTimesWithAPauseBetweenTries()
    {
        var updates = new List<StoreEntity>();
        using var parts = await OutboxParts.CreateAsync(bend: t => t.Name == OutboxKeys.RowsTable ? new FailingUpdates(t, updates, _ => new IOException("disk unplugged")) : t);
        var pending = await parts.BroadcastRowAsync("b-outage", "29:ana");

        var marking = parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);
        await Task.Yield();
        Assert.Single(updates);
        parts.Clock.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Single(updates);
        await AdvanceUntilDoneAsync(parts, marking);

        await Assert.ThrowsAsync<IOException>(() => marking);
        Assert.Equal(3, updates.Count);
        Assert.Equal(nameof(DeliveryStatus.Pending), (await parts.StoredAsync(pending))!.GetString(RowFields.Status));
    }

    [Fact]
    public async Task ASentMarkThatFailsTwiceIsRecordedOnTheThirdTry()
    {
        var updates = new List<StoreEntity>();
        using var parts = await OutboxParts.CreateAsync(bend: t => t.Name == OutboxKeys.RowsTable ? new FailingUpdates(t, updates, n => n <= 2 ? new IOException("busy") : null) : t);
        var pending = await parts.BroadcastRowAsync("b-flaky", "29:ana");

        var marking = parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);
        await AdvanceUntilDoneAsync(parts, marking);
        await marking;

        Assert.Equal(3, updates.Count);
        Assert.Equal(nameof(DeliveryStatus.Sent), (await parts.StoredAsync(pending))!.GetString(RowFields.Status));
    }

    [Fact]
    public async Task ASentMarkOnARowThatVanishedIsTriedOnceAndNotAgain()
    {
        var updates = new List<StoreEntity>();
        using var parts = await OutboxParts.CreateAsync(bend: t => t.Name == OutboxKeys.RowsTable ? new FailingUpdates(t, updates, _ => new StoreNotFoundException("gone")) : t);
        var pending = await parts.BroadcastRowAsync("b-vanished", "29:ana");

        var marking = parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);
        await AdvanceUntilDoneAsync(parts, marking);
        await marking;

        Assert.Single(updates);
    }

    [Fact]
    public async Task ASentMarkOnARowChangedMeanwhileIsTriedOnceAndLeavesAnOutcomeAnotherInstanceRecorded()
    {
        using var parts = await OutboxParts.CreateAsync();
        var pending = await parts.BroadcastRowAsync("b-raced", "29:ana");
        await parts.Tables.Rows.UpdateAsync(pending.Row with
        {
            Properties = new Dictionary<string, object?>(pending.Row.Properties) { [RowFields.Status] = nameof(DeliveryStatus.Failed), [RowFields.Reason] = FailureReasons.Blocked },
        });

        var marking = parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);
        await AdvanceUntilDoneAsync(parts, marking);
        await marking;

        var stored = (await parts.StoredAsync(pending))!;
        Assert.Equal(nameof(DeliveryStatus.Failed), stored.GetString(RowFields.Status));
        Assert.Equal(FailureReasons.Blocked, stored.GetString(RowFields.Reason));
    }

    [Fact]
    public async Task AMessageDeliveredWhileItsRowWasCancelledIsRecordedSentBecauseItWas()
    {
        using var parts = await OutboxParts.CreateAsync();
        var pending = await parts.BroadcastRowAsync("b-late", "29:ana");
        await parts.Tables.Rows.UpdateAsync(pending.Row with
        {
            Properties = new Dictionary<string, object?>(pending.Row.Properties) { [RowFields.Status] = nameof(DeliveryStatus.Cancelled) },
        });

        await parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);

        var stored = (await parts.StoredAsync(pending))!;
        Assert.Equal(nameof(DeliveryStatus.Sent), stored.GetString(RowFields.Status));
        Assert.Equal("act-1", stored.GetString(RowFields.ActivityId));
    }

    [Fact]
    public async Task ASentMarkWhoseRowWasDeletedAfterAConflictEndsQuietly()
    {
        using var parts = await OutboxParts.CreateAsync(bend: t => t.Name == OutboxKeys.RowsTable ? new DeletedOnConflict(t) : t);
        var pending = await parts.BroadcastRowAsync("b-deleted", "29:ana");

        await parts.Recorder.FinishSentAsync(pending, "a:conv-ana", "act-1", CancellationToken.None);

        Assert.Null(await parts.StoredAsync(pending));
    }

    private static async Task AdvanceUntilDoneAsync(OutboxParts parts, Task task)
    {
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            parts.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }
        Assert.True(task.IsCompleted, "the mark still waits after 20 s of fake time");
    }

    /// <summary>A rows table whose updates fail as the test says (by call number, from 1), each call recorded.</summary>
    private sealed class FailingUpdates(IStoreTable inner, List<StoreEntity> updates, Func<int, Exception?> failure) : StoreTableDecorator(inner)
    {
        public override Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            int call;
            lock (updates)
            {
                updates.Add(entity);
                call = updates.Count;
            }
            return failure(call) is { } ex ? Task.FromException<StoreEntity>(ex) : base.UpdateAsync(entity, cancellationToken);
        }
    }

    /// <summary>A rows table where the row is deleted by someone else just as the sent mark meets a conflict.</summary>
    private sealed class DeletedOnConflict(IStoreTable inner) : StoreTableDecorator(inner)
    {
        public override async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            await Inner.DeleteAsync(entity.PartitionKey, entity.RowKey, null, cancellationToken);
            throw new StorePreconditionFailedException("changed");
        }
    }
}
