using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

/// <summary>
/// A ticket that changes while one of its cards is on its way (sent, not yet recorded where it went) updates that card
/// too, once it is recorded: the change itself could only update the cards recorded before it.
/// </summary>
public sealed class TicketCardInFlightTests
{
    private static readonly Dictionary<string, string?> LoopbackFiles = new() { ["TeamsEngage:Files:AllowLoopbackHttp"] = "true" };

    [Fact]
    public async Task APictureAddedWhileTheLiaisonsCardIsOnItsWayIsShownOnThatCard()
    {
        var slow = new SlowSingleMessageRecords();
        await using var bot = await StartAsync(extra: LoopbackFiles, services: s => WrappedTableStore.Around(s, t => t.Name == OutboxKeys.RowsTable ? new SlowSingleMessageRecords.Rows(slow, t) : t));
        slow.On = true;
        var id = await bot.ReportAsync(Ana);
        var card = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.ConversationId == Ben.ConversationId && r.Body.Contains(id, StringComparison.Ordinal));

        await ChatFiles.SendAsync(bot, Ana, "screen.png", bot.Connector.ServeFile("files/screen.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));

        Assert.DoesNotContain("Picture 1", Assert.Single(card).Body, StringComparison.Ordinal);
        Assert.True(slow.Slowed > 0);
        string cardId;
        using (Fixtures.InHomeTenant())
        {
            cardId = await bot.DeliveredCardIdAsync(id, Ben);
        }
        await bot.WaitForUpdateAsync(cardId, "Action.OpenUrl", "Picture 1");
    }

    /// <summary>Once switched on, recording a sent single message (deleting its queue row) takes a second and a half.</summary>
    private sealed class SlowSingleMessageRecords
    {
        private int _slowed;

        public bool On { get; set; }

        public int Slowed => Volatile.Read(ref _slowed);

        public sealed class Rows(SlowSingleMessageRecords slow, IStoreTable inner) : StoreTableDecorator(inner)
        {
            public override async Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default)
            {
                if (slow.On && OutboxKeys.IsQueue(partitionKey))
                {
                    Interlocked.Increment(ref slow._slowed);
                    await Task.Delay(TimeSpan.FromMilliseconds(1500), cancellationToken);
                }
                await Inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
            }
        }
    }
}
