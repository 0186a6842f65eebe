using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

/// <summary>
/// Someone reading the store after anonymous feedback went through its whole life (filed, supported, planned, done):
/// no row of the feedback tables or of the outbox names its sender, and the sender was never messaged.
/// </summary>
public sealed class FeedbackAnonymityTests
{
    [Fact]
    public async Task AnonymousFeedbackStoresNoIdentityOfItsSenderInAnyRow()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "The grading portal logs me out every ten minutes", anonymous: true, kind: "Complaint");
        await bot.SupportAsync(Gus, id);
        await bot.MoveAsync(Ben, id, "Planned", targetDate: "2027-01-15");
        await bot.MoveAsync(Ben, id, "Done");
        await bot.WaitForSentAsync(Gus, id, "IT has done it.");

        var identities = Identities(Ana);
        var rows = await RowsAsync(bot, FeedbackStore.ItemsTable, FeedbackStore.FollowersTable);
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.Contains(DirectorySeeding.KeyOf(Gus), StringComparison.Ordinal));
        Assert.All(rows, row => Assert.All(identities, identity => Assert.DoesNotContain(identity, row, StringComparison.OrdinalIgnoreCase)));
        var item = await bot.ItemAsync(id);
        Assert.Equal((null, null, true, 2), (item.RaiserKey, item.RaiserUserId, item.Anonymous, item.Supporters));
        Assert.Equal(TimeSpan.Zero, item.CreatedAt.TimeOfDay);
        Assert.Equal(0, bot.Count(Ana, id));
    }

    [Fact]
    public async Task TheOutboxNeverHoldsARowForAnAnonymousSender()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Carmen, "El proyector del aula 3 no enciende", anonymous: true, kind: "Complaint");
        await bot.SupportAsync(Hal, id);
        await bot.MoveAsync(Eli, id, "Declined", reason: "El aula 3 se renueva en verano");
        await bot.WaitForSentAsync(Hal, id);

        using var tenant = Fixtures.InHomeTenant();
        var deliveries = new List<DeliveryRecord>();
        await foreach (var delivery in bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(FeedbackTeller.BroadcastId(id, 1)))
        {
            deliveries.Add(delivery);
        }
        Assert.Equal([DirectorySeeding.KeyOf(Hal)], deliveries.Select(d => d.PersonKey));
        Assert.Equal(0, bot.Count(Carmen, id));
    }

    [Fact]
    public async Task AnAnonymousItemIsNeitherLoggedNorShownWithItsSender()
    {
        await using var bot = await StartAsync();
        var id = await bot.FileAsync(Ana, "Too many password resets", anonymous: true, kind: "Complaint");

        var item = CardOf(await bot.ExecuteAsync(Ben, FeedbackVerbs.Triage, new { itemId = id }));

        Assert.Contains("Sent anonymously: nobody can know who sent it", CardReading.Said(item), StringComparison.Ordinal);
        Assert.All(Identities(Ana), identity => Assert.DoesNotContain(identity, item.ToJsonString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Message.Contains(id, StringComparison.Ordinal));
    }

    private static string[] Identities(Persona persona) =>
        [persona.UserId, persona.AadObjectId, persona.Name, DirectorySeeding.EmailOf(persona), DirectorySeeding.KeyOf(persona), persona.ConversationId];

    private static async Task<List<string>> RowsAsync(BotApplication bot, params string[] tables)
    {
        var store = bot.Services.GetRequiredService<ITableStore>();
        var rows = new List<string>();
        using var tenant = Fixtures.InHomeTenant();
        foreach (var table in tables)
        {
            await foreach (var entity in store.Table(table).ScanAllAsync())
            {
                rows.Add(entity.PartitionKey + "|" + entity.RowKey + "|" + string.Join("|", entity.Properties.Select(p => p.Key + "=" + p.Value)));
            }
        }
        return rows;
    }
}
