using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Features.Polls;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;

namespace TeamsEngage.Tests.Privacy;

/// <summary>
/// A school for privacy tests: Science (SCI) with Ben as liaison, and Mathematics (MAT); Carmen and Dan teach Science
/// (the directory says so), Gus is in the directory without a department; Ana is an administrator. Everyone has
/// installed the bot. The clock is a <see cref="FakeTimeProvider"/> that starts now, so tokens stay valid until a test moves it.
/// Tests enter the home tenant (<see cref="Fixtures.InHomeTenant"/>) after the bot has started, to read the store
/// directly, so the bot's background work never inherits a tenant from the test and has to enter each one itself.
/// </summary>
internal static class PrivacyWorld
{
    public static readonly Persona Ana = Persona.Ana;
    public static readonly Persona Ben = Persona.Ben;
    public static readonly Persona Carmen = Persona.Carmen;
    public static readonly Persona Dan = Persona.Create("Dan Reyes", "dan");
    public static readonly Persona Gus = Persona.Create("Gus Lind", "gus");

    /// <remarks>With <paramref name="fakeClock"/> false the bot keeps the real clock (tests that wait for a Retry-After).</remarks>
    public static async Task<(BotApplication Bot, FakeTimeProvider Clock)> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, bool fakeClock = true)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings())
        {
            // The sweep's timer ticks once each time a test moves the clock by a day or more. The fake clock fires a
            // periodic timer once per period it skips, so the other timers tick daily too, or a jump of years takes minutes.
            ["TeamsEngage:Privacy:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Polls:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Surveys:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Feedback:SweepInterval"] = "1.00:00:00",
            ["TeamsEngage:Notices:SchedulerInterval"] = "1.00:00:00",
            ["TeamsEngage:Tickets:EscalationInterval"] = "1.00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var bot = await DirectorySeeding.StartAsync(
            departments: $"Science,SCI,{DirectorySeeding.EmailOf(Ben)},,4\nMathematics,MAT,,,8",
            people: string.Join('\n',
                $"{DirectorySeeding.EmailOf(Carmen)},SCI,member,es",
                $"{DirectorySeeding.EmailOf(Dan)},SCI,member,en",
                $"{DirectorySeeding.EmailOf(Gus)},,member,en"),
            administrators: [Ana],
            installed: [Ana, Ben, Carmen, Dan, Gus],
            settings: settings,
            services: services =>
            {
                if (fakeClock)
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton<TimeProvider>(clock);
                }
            });
        return (bot, clock);
    }

    /// <summary>The persona removes the bot from their 1:1 chat.</summary>
    public static async Task UninstallAsync(this BotApplication bot, Persona persona)
    {
        using var response = await bot.PostFixtureAsync("installation-remove.json", persona);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Files a ticket as the persona; returns its id.</summary>
    public static async Task<string> FileTicketAsync(this BotApplication bot, Persona persona, string formActivityId) =>
        await TicketWorld.ReportAsync(bot, persona, "The projector in room 12 shows no picture", formActivityId);

    /// <summary>Ana sends a named poll to everyone; returns its id.</summary>
    public static async Task<string> SendNamedSurveyAsync(this BotApplication bot)
    {
        var preview = await bot.ExecuteAsync(Ana, TeamsEngage.Features.Surveys.SurveyVerbs.Preview, new { title = "Classrooms", questions = "text | What is missing?", closeDate = "2099-01-01" });
        var surveyId = preview["value"]!["actions"]![0]!["data"]!["surveyId"]!.GetValue<string>();
        await bot.ExecuteAsync(Ana, TeamsEngage.Features.Surveys.SurveyVerbs.Send, new { surveyId });
        return surveyId;
    }

    public static async Task<string> SendNamedPollAsync(this BotApplication bot)
    {
        var preview = await bot.ExecuteAsync(Ana, PollVerbs.Preview, new { question = "Which day for training?", options = "Monday\nFriday", closeDate = "2099-01-01" });
        var pollId = preview["value"]!["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();
        await bot.ExecuteAsync(Ana, PollVerbs.Send, new { pollId });
        return pollId;
    }

    public static Task<JsonObject> VoteAsync(this BotApplication bot, Persona voter, string pollId, string choice) =>
        bot.ExecuteAsync(voter, PollVerbs.Vote, new { pollId, @for = voter.UserId, choice });

    /// <summary>The ticket as stored.</summary>
    public static Task<Ticket?> TicketAsync(this BotApplication bot, string id) =>
        bot.Services.GetRequiredService<TicketStore>().FindAsync(id, CancellationToken.None);

    /// <summary>Every row of every table of the embedded store, as "table|partition|row|properties".</summary>
    public static IReadOnlyList<string> AllRows(this BotApplication bot)
    {
        var path = Path.Combine(bot.DataDirectory, SqliteTableStore.DatabaseFileName);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT PartitionKey, RowKey, Properties FROM \"{table}\";";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add($"{table}|{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}");
            }
        }
        Assert.Contains(tables, t => t == "People");
        return rows;
    }

    /// <summary>Everything by which a persona could be recognised in a row.</summary>
    public static string[] TracesOf(Persona persona) =>
        [persona.UserId, persona.AadObjectId, persona.AadObjectId.ToLowerInvariant(), persona.Name, DirectorySeeding.EmailOf(persona), persona.ConversationId];
}
