using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// Someone with a copy of the embedded store's files after an anonymous poll closed, and the directory in hand: nothing
/// in any page of the database, its write-ahead log or its index links a vote to a person.
/// </summary>
public sealed class PollForensicTests
{
    private static readonly Persona Liaison = Persona.Create("Lia Science", "lia-science");

    [Fact]
    public async Task AfterAnAnonymousPollClosesNoByteOfTheStoreLinksAVoteToAPerson()
    {
        var closed = await ClosedAnonymousPoll.RunAsync(OutboxHost.FastSettings());
        await using var bot = closed.Bot;

        var pages = StorePages.Read(bot.DataDirectory);
        Assert.NotEmpty(pages);
        Assert.All(pages, page =>
        {
            Assert.False(page.Bytes.AsSpan().IndexOf(closed.Secret) >= 0, $"the poll secret is in {page.Where}");
            StorePages.AssertAbsent(page, Convert.ToBase64String(closed.Secret), "the poll secret");
            foreach (var token in closed.Tokens)
            {
                StorePages.AssertAbsent(page, token, "a voter token");
            }
            if (page.Contains("\"Choices\"") || page.Contains(closed.PollId + "-reminder"))
            {
                // A page of vote rows (or of reminder rows) must not also name a person, nor keep a role beside a department.
                Assert.All(closed.Identities, id => StorePages.AssertAbsent(page, id, "a voter's id on a page of votes or reminders"));
                StorePages.AssertAbsent(page, "\"Role\"", "a role on a vote row");
            }
        });
        await AssertStoredRowsAreUnlinkableAsync(bot, closed.PollId, closed.Tokens, closed.Identities);
    }

    /// <summary>
    /// An anonymous poll to Science (five members and one liaison, so (SCI, Liaison) is one person) and Art (six
    /// members), broken down by department: five vote early, the administrator reminds the rest, they vote, it closes.
    /// </summary>
    internal sealed record ClosedAnonymousPoll(BotApplication Bot, string PollId, byte[] Secret, List<string> Tokens, List<string> Identities)
    {
        public static async Task<ClosedAnonymousPoll> RunAsync(IReadOnlyDictionary<string, string?> settings)
        {
            List<(string Department, Persona Persona)> members = [.. Voters("SCI", 5), .. Voters("ART", 6)];
            var everyone = members.Select(m => m.Persona).Append(Liaison).ToList();
            var bot = await DirectorySeeding.StartAsync(
                $"Science department,SCI,{DirectorySeeding.EmailOf(Liaison)},,24\nArt department,ART,,,24",
                string.Join('\n', members.Select(m => $"{DirectorySeeding.EmailOf(m.Persona)},{m.Department},member,").Append($"{DirectorySeeding.EmailOf(Liaison)},SCI,member,")),
                [Admin],
                [Admin, .. everyone],
                settings);
            var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Is the new rota fair?", options = "Yes\nNo", anonymous = "true", breakdown = "department", closeDate = "2099-01-01", audienceKind = "Departments", audienceValues = "SCI,ART" });
            foreach (var person in everyone)
            {
                await bot.Connector.WaitForActivitiesAsync(person.ConversationId);
            }
            byte[] secret;
            using (Fixtures.InHomeTenant())
            {
                secret = (await bot.Services.GetRequiredService<ITableStore>().Table(PollStore.PollsTable).GetAsync(pollId, "secret"))!.GetBinary("Key")!;
            }
            var early = everyone.Take(4).Append(Liaison).ToList();
            foreach (var voter in early)
            {
                await VoteAsync(bot, voter, pollId, voter == Liaison ? "1" : "0");
            }
            await bot.ExecuteAsync(Admin, PollVerbs.Remind, new { pollId });
            foreach (var waiting in everyone.Except(early))
            {
                await bot.Connector.WaitForActivitiesAsync(waiting.ConversationId, 2);
                await VoteAsync(bot, waiting, pollId, "0");
            }
            var tokens = await PollStoreRows.KeysAsync(bot, VoteStore.TableName, pollId);
            Assert.Equal(12, tokens.Count);

            await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
            await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, everyone.Count);
            return new ClosedAnonymousPoll(bot, pollId, secret, tokens, [.. everyone.SelectMany(IdentitiesOf)]);
        }
    }

    internal static async Task AssertStoredRowsAreUnlinkableAsync(BotApplication bot, string pollId, List<string> tokens, List<string> identities)
    {
        var polls = await PollStoreRows.ReadAsync(bot, PollStore.PollsTable, pollId);
        Assert.Equal(["poll"], polls.Select(r => r.RowKey));
        var votes = await PollStoreRows.ReadAsync(bot, VoteStore.TableName, pollId);
        Assert.Equal(12, votes.Count);
        Assert.Empty(votes.Select(v => v.RowKey).Intersect(tokens));
        foreach (var vote in votes)
        {
            Assert.Subset(new HashSet<string> { "Choices", "Department" }, vote.Properties.Keys.ToHashSet());
            // Both departments have at least five people in the audience, so either is a group of five or more.
            Assert.Contains(vote.GetString("Department"), new[] { "SCI", "ART" });
            var everything = vote.RowKey + "|" + string.Join('|', vote.Properties.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(identities, id => Assert.DoesNotContain(id, everything, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static IEnumerable<string> IdentitiesOf(Persona persona) =>
        [persona.UserId, persona.AadObjectId, DirectorySeeding.KeyOf(persona), DirectorySeeding.EmailOf(persona), StoreKey.Escape(persona.UserId)];
}

/// <summary>The pages of the embedded store's files: database pages, write-ahead log frames, and the shared-memory index whole.</summary>
internal static class StorePages
{
    public sealed record Page(string Where, byte[] Bytes)
    {
        public bool Contains(string text) => Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }

    public static List<Page> Read(string directory)
    {
        var pages = new List<Page>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var bytes = ReadShared(path);
            var name = Path.GetFileName(path);
            if (name.EndsWith("-wal", StringComparison.Ordinal))
            {
                pages.AddRange(Frames(name, bytes));
            }
            else if (bytes.Length >= 100 && Encoding.ASCII.GetString(bytes, 0, 15) == "SQLite format 3")
            {
                var size = PageSize(bytes[16], bytes[17]);
                pages.AddRange(bytes.Chunk(size).Select((p, i) => new Page($"{name} page {i + 1}", p)));
            }
            else
            {
                pages.Add(new Page(name, bytes));
            }
        }
        return pages;
    }

    public static void AssertAbsent(Page page, string text, string what) =>
        Assert.False(page.Contains(text), $"{what} ({text}) is in {page.Where}");

    private static IEnumerable<Page> Frames(string name, byte[] wal)
    {
        if (wal.Length < 32)
        {
            yield break;
        }
        var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        for (int offset = 32, frame = 1; offset + 24 + size <= wal.Length; offset += 24 + size, frame++)
        {
            yield return new Page($"{name} frame {frame}", wal[offset..(offset + 24 + size)]);
        }
        // A torn tail is still bytes someone holding the file could read.
        var tail = (wal.Length - 32) % (24 + size);
        if (tail > 0)
        {
            yield return new Page($"{name} tail", wal[^tail..]);
        }
    }

    private static int PageSize(byte high, byte low) => high == 0 && low == 1 ? 65536 : (high << 8) | low;

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
