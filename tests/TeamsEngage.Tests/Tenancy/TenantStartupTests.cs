using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;
using TeamsEngage.Storage.Hosting;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Tenancy.TwoDistricts;

namespace TeamsEngage.Tests.Tenancy;

/// <summary>Which tenants a deployment serves is decided on purpose, a turn without a tenant does nothing, and the store shows the split.</summary>
public sealed class TenantStartupTests
{
    private static readonly Dictionary<string, string?> MultiTenant = new() { ["MicrosoftAppType"] = "MultiTenant" };

    [Fact]
    public async Task AMultiTenantBotWithoutAllowedTenantsRefusesToStartOutsideDevelopment()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotApplication.StartAsync(MultiTenant));

        Assert.Contains("TeamsEngage:AllowedTenants", failure.Message, StringComparison.Ordinal);
        Assert.Contains("TeamsEngage:AllowAnyTenant", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMultiTenantBotStartsWhenAnyTenantIsAllowedOnPurposeOrInDevelopment()
    {
        await using (var anyTenant = await BotApplication.StartAsync(new Dictionary<string, string?>(MultiTenant) { ["TeamsEngage:AllowAnyTenant"] = "true" }))
        {
            await anyTenant.SayAsync(Bea, "help");
            Assert.NotEmpty(anyTenant.SentTo(Bea));
        }
        await using var development = await BotApplication.StartAsync(MultiTenant, environment: "Development");
        await development.SayAsync(Persona.Ana, "help");
        Assert.NotEmpty(development.SentTo(Persona.Ana));
    }

    [Fact]
    public async Task AnActivityThatNamesNoTenantRunsNoFeatureAndIsNotAnswered()
    {
        await using var bot = await BotApplication.StartAsync(new Dictionary<string, string?>(MultiTenant) { ["TeamsEngage:AllowAnyTenant"] = "true" });
        var message = Fixtures.LoadNode("message-personal.json", bot.Connector.BaseUrl, Persona.Ana, new Dictionary<string, string> { ["text"] = "help" });
        message["conversation"]!.AsObject().Remove("tenantId");
        message.Remove("channelData");
        var invoke = Fixtures.LoadNode("invoke-card-action.json", bot.Connector.BaseUrl, Persona.Ana, new Dictionary<string, string> { ["verb"] = "profile.save", ["data"] = "{\"department\":\"SCI\"}" });
        invoke["conversation"]!.AsObject().Remove("tenantId");
        invoke.Remove("channelData");

        using var said = await bot.PostAsync(message.ToJsonString());
        using var pressed = await bot.PostAsync(invoke.ToJsonString());

        Assert.True(said.IsSuccessStatusCode);
        Assert.Equal(403, System.Text.Json.Nodes.JsonNode.Parse(await pressed.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
        Assert.Empty(bot.SentTo(Persona.Ana));
        Assert.Empty(await bot.Services.GetRequiredService<TenantRegistry>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AfterATwoTenantSessionEveryRowOfEveryTenantScopedTableCarriesItsTenant()
    {
        await using var bot = await StartAsync();
        await bot.ReportAsync(Ana, "Alpha projector is dark");
        await bot.ReportAsync(Bea, "Beta printer jams");
        await bot.WaitForSentAsync(Lena, "Beta printer jams");
        var shared = bot.Services.GetServices<SharedStoreTableName>().Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var scoped = bot.Services.GetServices<StoreTableName>().Select(t => t.Name).Where(n => !shared.Contains(n)).Distinct().ToList();

        var keys = new Dictionary<string, List<string>>();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(bot.DataDirectory, "teamsengage.db")};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            foreach (var table in scoped)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT PartitionKey FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                keys[table] = [];
                while (await reader.ReadAsync())
                {
                    keys[table].Add(reader.GetString(0));
                }
            }
        }

        Assert.Contains("People", scoped);
        Assert.Contains("Tickets", scoped);
        Assert.All(keys, table => Assert.All(table.Value, key => Assert.True(
            key.StartsWith(Alpha + "|", StringComparison.Ordinal) || key.StartsWith(Beta + "|", StringComparison.Ordinal),
            $"{table.Key} has a row outside any tenant: {key}")));
        foreach (var table in new[] { "People", "Departments", "Tickets" })
        {
            Assert.Contains(keys[table], k => k.StartsWith(Alpha + "|", StringComparison.Ordinal));
            Assert.Contains(keys[table], k => k.StartsWith(Beta + "|", StringComparison.Ordinal));
        }
    }
}
