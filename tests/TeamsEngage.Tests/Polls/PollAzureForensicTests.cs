using System.Globalization;
using Azure.Data.Tables;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Outbox;
using static TeamsEngage.Tests.Polls.PollForensicTests;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// The same reader as <see cref="PollForensicTests"/>, on Azure Table storage: someone who can list every table and
/// entity of the account (Azurite here) after an anonymous poll closed finds nothing that links a vote to a person.
/// </summary>
public sealed class PollAzureForensicTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task AfterAnAnonymousPollClosesNoEntityInAzureTablesLinksAVoteToAPerson()
    {
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings()) { ["Storage:ConnectionString"] = azurite.ConnectionString };
        var closed = await ClosedAnonymousPoll.RunAsync(settings);
        await using var bot = closed.Bot;

        var service = new TableServiceClient(azurite.ConnectionString);
        var read = 0;
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                read++;
                AssertUnlinkable(table.Name, entity, closed);
            }
        }

        Assert.True(read > 12, $"only {read} entities were read");
        await AssertStoredRowsAreUnlinkableAsync(bot, closed.PollId, closed.Tokens, closed.Identities);
    }

    private static void AssertUnlinkable(string table, TableEntity entity, ClosedAnonymousPoll closed)
    {
        var where = $"{table} ({entity.PartitionKey}, {entity.RowKey})";
        var texts = entity.Select(p => p.Value switch
        {
            byte[] bytes => Convert.ToBase64String(bytes),
            BinaryData data => Convert.ToBase64String(data.ToArray()),
            _ => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        }).Prepend(entity.RowKey).Prepend(entity.PartitionKey).ToList();
        var everything = string.Join('|', texts);
        Assert.DoesNotContain(Convert.ToBase64String(closed.Secret), everything, StringComparison.Ordinal);
        Assert.All(closed.Tokens, token => Assert.False(everything.Contains(token, StringComparison.Ordinal), $"a voter token is in {where}"));
        if (entity.ContainsKey("Choices") || everything.Contains(closed.PollId + "-reminder", StringComparison.Ordinal))
        {
            Assert.All(closed.Identities, id => Assert.False(everything.Contains(id, StringComparison.OrdinalIgnoreCase), $"a voter's id ({id}) is on the vote or reminder row {where}"));
            Assert.False(entity.ContainsKey("Role"), $"a vote row keeps a role beside its department: {where}");
        }
    }
}
