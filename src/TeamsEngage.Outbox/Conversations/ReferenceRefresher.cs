using System.Threading.Channels;
using TeamsEngage.Storage;

namespace TeamsEngage.Conversations;

/// <summary>
/// Checks the references that card invokes carry after the invoke is answered. Whoever presses a card's button was sent
/// that card, so their reference is stored and has almost never changed; on an instance that has not seen them yet,
/// checking it inline would cost every invoke a read. Up to <see cref="Parallel"/> checks run at once; a full queue
/// checks inline, and stopping the host checks what is still waiting.
/// </summary>
internal sealed partial class ReferenceRefresher(ConversationReferenceStore references, ILogger<ReferenceRefresher> logger) : BackgroundService
{
    private const int Capacity = 20_000;
    private const int Parallel = 8;

    private readonly Channel<ConversationReference> _waiting = Channel.CreateBounded<ConversationReference>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Stores the reference soon if it may differ from the one stored.</summary>
    public Task RefreshSoonAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        references.IsKnown(reference) || _waiting.Writer.TryWrite(reference)
            ? Task.CompletedTask
            : references.RefreshAsync(reference, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await DrainAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync checks what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var batch = new List<ConversationReference>(Parallel);
        while (true)
        {
            batch.Clear();
            while (batch.Count < Parallel && _waiting.Reader.TryRead(out var reference))
            {
                batch.Add(reference);
            }
            if (batch.Count == 0)
            {
                return;
            }
            await Task.WhenAll(batch.Select(r => RefreshAsync(r, cancellationToken))).ConfigureAwait(false);
        }
    }

    private async Task RefreshAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        try
        {
            await references.RefreshAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            // The next activity of this person checks again.
            LogRefreshFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check a conversation reference after an invoke ({Failure}); the person's next activity checks it again")]
    private static partial void LogRefreshFailed(ILogger logger, string failure);
}
