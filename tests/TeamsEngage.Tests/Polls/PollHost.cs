using System.Text.Json.Nodes;
using TeamsEngage.Features.Polls;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Polls;

/// <summary>A seeded bot for poll tests: an administrator and members in departments, everyone installed, a fast outbox.</summary>
internal static class PollHost
{
    public static readonly Persona Admin = Persona.Create("Ines Admin", "ines-admin");

    /// <summary>Voters named by handle, each in the department given.</summary>
    public static (string Department, Persona Persona)[] Voters(string department, int count) =>
        [.. Enumerable.Range(1, count).Select(i => (department, Persona.Create($"{department} Voter {i}", $"{department.ToLowerInvariant()}-voter-{i}")))];

    public static Task<BotApplication> StartAsync(
        IEnumerable<(string Department, Persona Persona)> voters,
        IReadOnlyDictionary<string, string?>? extra = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null,
        TimeProvider? clock = null,
        bool loopback = false)
    {
        var list = voters.ToList();
        var departments = string.Join('\n', list.Select(v => v.Department).Distinct().Select(d => $"{d} department,{d},,,24"));
        var people = string.Join('\n', list.Select(v => $"{DirectorySeeding.EmailOf(v.Persona)},{v.Department},member,"));
        var settings = new Dictionary<string, string?>(OutboxHost.FastSettings());
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return DirectorySeeding.StartAsync(departments, people, [Admin], [Admin, .. list.Select(v => v.Persona)], settings, services, clock, loopback);
    }

    /// <summary>The admin drafts a poll with the composer and sends it; returns the poll id and the results card.</summary>
    public static async Task<(string PollId, JsonObject SendResponse)> ComposeAndSendAsync(BotApplication bot, object composer)
    {
        var preview = await bot.ExecuteAsync(Admin, PollVerbs.Preview, composer);
        var sendAction = preview["value"]!["actions"]![0]!;
        Assert.Equal(PollVerbs.Send, sendAction["verb"]!.GetValue<string>());
        var pollId = sendAction["data"]!["pollId"]!.GetValue<string>();
        var sent = await bot.ExecuteAsync(Admin, PollVerbs.Send, new { pollId });
        return (pollId, sent);
    }

    public static Task<JsonObject> VoteAsync(BotApplication bot, Persona voter, string pollId, string choice, Persona? cardOwner = null) =>
        bot.ExecuteAsync(voter, PollVerbs.Vote, new { pollId, @for = (cardOwner ?? voter).UserId, choice });

    public static string TypeOf(JsonObject invokeResponse) => invokeResponse["type"]!.GetValue<string>();

    public static string TextOf(JsonObject invokeResponse) => invokeResponse["value"] is JsonValue value
        ? value.GetValue<string>()
        : invokeResponse["value"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
