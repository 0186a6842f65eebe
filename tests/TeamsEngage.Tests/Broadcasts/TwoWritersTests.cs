using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Outbox;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>Two instances of the bot on one store, both writing the same queued broadcast.</summary>
public sealed class TwoWritersTests
{
    private const int People = 6_000;

    [Fact]
    public async Task TwoInstancesWritingTheSameBroadcastAtOnceNeverDuplicateARow()
    {
        using var data = new TemporaryDirectory();
        var settings = new Dictionary<string, string?> { ["TeamsEngage:Outbox:WriteBatchSize"] = "1500" };
        await using var one = OutboxHost.Start(data.Path, settings, s => s.AddSingleton<IBroadcastAudience, NumberedAudience>());
        await using var two = OutboxHost.Start(data.Path, settings, s => s.AddSingleton<IBroadcastAudience, NumberedAudience>());
        var request = new BroadcastRequest("notice-twice", TestRenderer.KindName, "x");
        var audience = new BroadcastAudienceSpec(NumberedAudience.AudienceKind, People.ToString(CultureInfo.InvariantCulture));

        await Task.WhenAll(one.Outbox.QueueBroadcastAsync(request, audience), two.Outbox.QueueBroadcastAsync(request, audience));
        // Besides the hosted writers (which the lease keeps apart), both instances write it directly at the same time, as
        // two writers would after a lease expired under a slow one.
        var job = await one.Services.GetRequiredService<BroadcastJobs>().ReadAsync(request.BroadcastId, CancellationToken.None);
        if (job is not null)
        {
            await Task.WhenAll(
                Task.Run(() => one.Services.GetRequiredService<BroadcastJobRunner>().RunAsync(job, CancellationToken.None)),
                Task.Run(() => two.Services.GetRequiredService<BroadcastJobRunner>().RunAsync(job, CancellationToken.None)));
        }

        await Eventually.TrueAsync(async () => await one.Outbox.ReadProgressAsync(request.BroadcastId) is { Done: true }, "the broadcast to be written");
        var rows = await one.DeliveriesAsync(request.BroadcastId);
        Assert.Equal(People, rows.Count);
        Assert.Equal(People, rows.Select(r => r.PersonKey).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>People <c>p-00000</c>… (as many as the spec says), none reachable, with a pause per page so writers overlap.</summary>
    private sealed class NumberedAudience : IBroadcastAudience
    {
        public const string AudienceKind = "test.numbered";

        public string Kind => AudienceKind;

        public Task<int> CountAsync(string spec, CancellationToken cancellationToken) => Task.FromResult(int.Parse(spec, CultureInfo.InvariantCulture));

        public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken)
        {
            await Task.Delay(20, cancellationToken);
            var start = afterPersonKey is null ? 0 : int.Parse(afterPersonKey[2..], CultureInfo.InvariantCulture) + 1;
            var end = Math.Min(int.Parse(spec, CultureInfo.InvariantCulture), start + max);
            var page = Enumerable.Range(start, end - start)
                .Select(i => new BroadcastRecipient("p-" + i.ToString("D5", CultureInfo.InvariantCulture), null, "SCI", "Member"))
                .ToList();
            return new BroadcastPage(page, page.Count, page.Count == max ? page[^1].PersonKey : null);
        }

        public Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
