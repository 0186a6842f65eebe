using System.Globalization;
using Azure.Data.Tables;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Tests.Outbox;
using static TeamsEngage.Tests.Surveys.SurveyForensicTests;

namespace TeamsEngage.Tests.Surveys;

/// <summary>
/// The same closed anonymous survey as <see cref="SurveyForensicTests"/>, on Azure Table storage: someone who can list every
/// table and entity of the account (Azurite here) finds neither the key secret nor a respondent key anywhere, and no
/// answer row that names a person or keeps a role.
/// </summary>
public sealed class SurveyAzureForensicTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task AfterAnAnonymousSurveyClosesNoEntityInAzureTablesLinksAnAnswerToAPerson()
    {
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings()) { ["Storage:ConnectionString"] = azurite.ConnectionString };
        var closed = await ClosedAnonymousSurvey.RunAsync(settings);
        await using var bot = closed.Bot;

        var service = new TableServiceClient(azurite.ConnectionString);
        var read = 0;
        var answers = 0;
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                read++;
                answers += AssertUnlinkable(table.Name, entity, closed) ? 1 : 0;
            }
        }

        Assert.Equal(12, answers);
        Assert.True(read > 30, $"only {read} entities were read");
        await AssertStoredRowsAreUnlinkableAsync(closed);
    }

    /// <summary>Fails on anything that links; returns whether the entity is an answer row.</summary>
    private static bool AssertUnlinkable(string table, TableEntity entity, ClosedAnonymousSurvey closed)
    {
        var where = $"{table} ({entity.PartitionKey}, {entity.RowKey})";
        var everything = string.Join('|', entity.Select(p => p.Value switch
        {
            byte[] bytes => Convert.ToBase64String(bytes),
            BinaryData data => Convert.ToBase64String(data.ToArray()),
            _ => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        }).Prepend(entity.RowKey).Prepend(entity.PartitionKey));
        Assert.DoesNotContain(Convert.ToBase64String(closed.Secret), everything, StringComparison.Ordinal);
        Assert.All(closed.Tokens, token => Assert.False(everything.Contains(token, StringComparison.Ordinal), $"a respondent key is in {where}"));
        var isAnswer = entity.ContainsKey("Answers");
        if (isAnswer)
        {
            Assert.All(closed.Identities, id => Assert.False(everything.Contains(id, StringComparison.OrdinalIgnoreCase), $"a respondent's id ({id}) is on the answer row {where}"));
            Assert.False(entity.ContainsKey("Role"), $"an answer row keeps a role beside its department: {where}");
        }
        return isAnswer;
    }
}
