using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Bot;
using TeamsEngage.Conversations;
using TeamsEngage.People;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>
/// A district-sized directory written straight into the store (20,000 HTTP calls would take longer than the test):
/// people of the home tenant in department DIST with keys <c>person-00000</c>…, optionally with a 1:1 conversation each.
/// </summary>
internal static class LargeSchool
{
    public const string Department = "DIST";

    public static string UserIdOf(int index) => "29:district-" + index.ToString("D5", CultureInfo.InvariantCulture);

    public static string ConversationOf(int index) => "a:district-" + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes <paramref name="count"/> people (100 to a batch); when <paramref name="serviceUrl"/> is given, every
    /// <paramref name="installedEvery"/>th of them has installed the bot (a 1:1 conversation), the others cannot be reached.
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, int count, string? serviceUrl, int installedEvery = 1)
    {
        // The district is the home tenant: its people go into that tenant's directory, as an import in Teams would put them.
        using var home = Fixtures.InHomeTenant();
        var people = services.GetRequiredService<ITableStore>().Table(PeopleRows.PeopleTable);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await people.SubmitBatchAsync([.. chunk.Select(i => new BatchOperation(BatchOperationKind.Upsert, PeopleRows.ToEntity(Record(i, serviceUrl is not null && i % installedEvery == 0))))]);
        }
        if (serviceUrl is null)
        {
            return;
        }
        var references = services.GetRequiredService<ConversationReferenceStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Where(i => i % installedEvery == 0), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await references.RefreshAsync(new ConversationReference(
                UserIdOf(i), null, "Person " + i, serviceUrl, ConversationOf(i), Fixtures.TenantId, "28:" + Fixtures.BotAppId, "en-US", "America/Chicago"), ct));
    }

    /// <summary>The notice form for the whole district department.</summary>
    public static Dictionary<string, object?> NoticeForm() => Notices.NoticeFlow.Form(departments: Department);

    /// <summary>The facts of a card (title → value), from every FactSet in it.</summary>
    public static Dictionary<string, string> Facts(JsonNode card) => Notices.NoticeFlow.Walk(card)
        .Where(o => o["type"]?.GetValue<string>() == "FactSet")
        .SelectMany(o => o["facts"]!.AsArray())
        .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>(), StringComparer.Ordinal);

    public static int Number(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-US"));

    /// <summary>"12,000 of 20,000" as (12000, 20000).</summary>
    public static (int Queued, int Of) QueuedOf(string text)
    {
        var parts = text.Split(" of ", StringSplitOptions.TrimEntries);
        return (Number(parts[0]), Number(parts[1]));
    }

    private static PersonRecord Record(int i, bool installed) => new(
        new Person(
            "person-" + i.ToString("D5", CultureInfo.InvariantCulture),
            installed ? UserIdOf(i) : null,
            null,
            "Person " + i,
            "person" + i + "@district.example",
            Department,
            Role.Member,
            "en",
            null,
            installed),
        false,
        "test",
        DateTimeOffset.UtcNow,
        null);
}
