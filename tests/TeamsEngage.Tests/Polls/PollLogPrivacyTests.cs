using System.Globalization;
using TeamsEngage.Features.Polls;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>Someone reading every log line the bot wrote, at every level, while an anonymous poll is answered, reminded and closed.</summary>
public sealed class PollLogPrivacyTests
{
    private static readonly Dictionary<string, string?> EveryLevel = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    [Fact]
    public async Task NoLogLineWrittenAfterAnAnonymousPollIsSentNamesAVoterOrSomeoneWhoWasReminded()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await StartAsync(voters, EveryLevel);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Is the new rota fair?", options = "Yes\nNo", anonymous = "true", closeDate = "2099-01-01", audienceKind = "Departments", audienceValues = "SCI" });
        foreach (var (_, person) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(person.ConversationId);
        }
        // Who the poll went to is known to its author anyway; from here on, a log line naming someone would tell
        // whether they voted (a vote, or a reminder to non-voters only).
        bot.Logs.Clear();

        foreach (var (_, voter) in voters.Take(3))
        {
            await VoteAsync(bot, voter, pollId, "1");
        }
        await bot.ExecuteAsync(Admin, PollVerbs.Remind, new { pollId });
        foreach (var (_, waiting) in voters.Skip(3))
        {
            await bot.Connector.WaitForActivitiesAsync(waiting.ConversationId, 2);
        }
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, voters.Length);

        var records = bot.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        var identities = voters.SelectMany(v => IdentitiesOf(v.Persona)).ToList();
        foreach (var record in records)
        {
            var text = string.Join('|', new[] { record.Message, record.Exception?.ToString() ?? "" }
                .Concat(record.StructuredState?.Select(p => p.Value ?? "") ?? [])
                .Concat(record.Scopes.Select(s => Convert.ToString(s, CultureInfo.InvariantCulture) ?? "")));
            Assert.All(identities, id => Assert.False(text.Contains(id, StringComparison.OrdinalIgnoreCase), $"a log line at {record.Level} from {record.Category} names a voter: {record.Message}"));
        }
    }

    private static IEnumerable<string> IdentitiesOf(Persona persona) =>
        [persona.UserId, persona.AadObjectId, persona.ConversationId, DirectorySeeding.KeyOf(persona), DirectorySeeding.EmailOf(persona), StoreKey.Escape(persona.UserId), persona.Name];
}
