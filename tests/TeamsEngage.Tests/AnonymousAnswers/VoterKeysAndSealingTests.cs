using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TeamsEngage.Anonymity;
using TeamsEngage.Storage;

namespace TeamsEngage.Tests.AnonymousAnswers;

/// <summary>
/// The keys anonymous answers are stored under, what sealing leaves in the store and the weekly ask cap, played as
/// someone who holds the store's rows and the directory's user ids.
/// </summary>
public sealed partial class VoterKeysAndSealingTests
{
    private const string Table = "Answers";
    private const string Question = "q-1";
    private static readonly string[] Users = [.. Enumerable.Range(0, 60).Select(i => $"29:user-{i}")];

    [Fact]
    public void APersonFindsTheirOwnKeyOnlyWithTheQuestionsSecret()
    {
        var secret = VoterKeys.NewSecret();
        var key = VoterKeys.Keyed(secret, "29:ben");

        Assert.Equal(key, VoterKeys.Keyed(secret, "29:ben"));
        Assert.NotEqual(key, VoterKeys.Keyed(VoterKeys.NewSecret(), "29:ben"));
        Assert.NotEqual(key, VoterKeys.Keyed(secret, "29:carmen"));
        Assert.NotEqual(key, VoterKeys.Keyed([], "29:ben"));
        Assert.Matches(KeyedShape(), key);
    }

    [Fact]
    public void KeysFollowTheDocumentedSchemeSoAnotherInstanceFindsTheSameVoter()
    {
        // docs/polls.md: "h" + HMAC-SHA256(K, user id) in URL-safe base64; with a pepper, K = HMAC-SHA256(pepper, secret + poll id).
        var secret = VoterKeys.NewSecret();
        var pepper = VoterKeys.NewSecret();
        var expectedK = HMACSHA256.HashData(pepper, secret.Concat(Encoding.UTF8.GetBytes(Question)).ToArray());
        var mac = HMACSHA256.HashData(expectedK, Encoding.UTF8.GetBytes("29:ben"));

        var k = VoterKeys.Peppered(secret, Convert.ToBase64String(pepper), Question);

        Assert.Equal(expectedK, k);
        Assert.Equal("h" + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_'), VoterKeys.Keyed(k!, "29:ben"));
    }

    [Fact]
    public void SecretsAreThirtyTwoFreshRandomBytes()
    {
        var first = VoterKeys.NewSecret();

        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, VoterKeys.NewSecret());
    }

    [Fact]
    public void SealedKeysAreRandomAndSortAfterEveryKeyedOne()
    {
        var sealedKey = VoterKeys.Sealed();

        Assert.Matches(SealedShape(), sealedKey);
        Assert.NotEqual(sealedKey, VoterKeys.Sealed());
        Assert.Equal((VoterKeys.SealedPrefix, VoterKeys.SealedEnd), SealedRows.Counted(anonymousAndClosed: true));
        Assert.Equal(((string?)null, (string?)null), SealedRows.Counted(anonymousAndClosed: false));
    }

    [Fact]
    public void WithAPepperTheStoredSecretAloneNoLongerMakesTheKeys()
    {
        var stored = VoterKeys.NewSecret();
        var pepper = Convert.ToBase64String(VoterKeys.NewSecret());

        var used = VoterKeys.Peppered(stored, pepper, Question);

        Assert.NotNull(used);
        Assert.Equal(32, used.Length);
        Assert.NotEqual(stored, used);
        Assert.Equal(used, VoterKeys.Peppered(stored, pepper, Question));
        Assert.NotEqual(used, VoterKeys.Peppered(stored, pepper, "q-2"));
        Assert.NotEqual(used, VoterKeys.Peppered(stored, Convert.ToBase64String(VoterKeys.NewSecret()), Question));
        Assert.NotEqual(VoterKeys.Keyed(stored, "29:ben"), VoterKeys.Keyed(used, "29:ben"));
    }

    [Fact]
    public void WithoutAPepperTheStoredSecretIsUsedAndWithoutASecretThereIsNone()
    {
        var stored = VoterKeys.NewSecret();

        Assert.Same(stored, VoterKeys.Peppered(stored, null, Question));
        Assert.Same(stored, VoterKeys.Peppered(stored, "", Question));
        Assert.Null(VoterKeys.Peppered(null, Convert.ToBase64String(VoterKeys.NewSecret()), Question));
    }

    [Fact]
    public async Task SealingRekeysEveryAnswerAtRandomSoTheSecretNoLongerFindsAnyone()
    {
        using var files = await StoreInATempFolder.CreateAsync(Table);
        var table = files.Store.Table(Table);
        var secret = VoterKeys.NewSecret();
        for (var i = 0; i < Users.Length; i++)
        {
            await table.InsertAsync(Answer(VoterKeys.Keyed(secret, Users[i]), i % 3));
        }
        await table.InsertAsync(Answer("a-below-the-keyed-range", 9));
        await table.InsertAsync(Answer("j-above-the-keyed-range", 9));

        var sealedCount = await SealedRows.SealAsync(table, Question, CancellationToken.None);

        Assert.Equal(Users.Length, sealedCount);
        var rows = await files.RowsAsync(Table, Question);
        var keysOfEveryone = Users.Select(u => VoterKeys.Keyed(secret, u)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(rows, r => keysOfEveryone.Contains(r.RowKey));
        var resealed = rows.Where(r => r.RowKey.StartsWith(VoterKeys.SealedPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(Users.Length, resealed.Count);
        Assert.All(resealed, r => Assert.Matches(SealedShape(), r.RowKey));
        Assert.Equal([20, 20, 20], resealed.GroupBy(r => r.GetString("Choice")).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count()));
        Assert.Equal(["a-below-the-keyed-range", "j-above-the-keyed-range"], rows.Select(r => r.RowKey).Where(k => !k.StartsWith(VoterKeys.SealedPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SealingTwiceChangesNothingTheSecondTime()
    {
        using var files = await StoreInATempFolder.CreateAsync(Table);
        var table = files.Store.Table(Table);
        var secret = VoterKeys.NewSecret();
        await table.InsertAsync(Answer(VoterKeys.Keyed(secret, "29:ben"), 0));
        await SealedRows.SealAsync(table, Question, CancellationToken.None);
        var before = (await files.RowsAsync(Table, Question)).Select(r => r.RowKey).ToList();

        var again = await SealedRows.SealAsync(table, Question, CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Equal(before, (await files.RowsAsync(Table, Question)).Select(r => r.RowKey));
    }

    [Fact]
    public async Task APersonIsAskedAtMostTheWeeklyNumberOfTimesAndAQuestionAlreadyRecordedStillReachesThem()
    {
        using var files = await StoreInATempFolder.CreateAsync(AskLedger.TableName);
        var ledger = Ledger(files, perWeek: 2);
        var now = new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero);
        await ledger.RecordAsync("ben", "poll-a", now.AddDays(-6), CancellationToken.None);
        Assert.True(await ledger.MayReceiveAsync("ben", "poll-b", now, CancellationToken.None));
        await ledger.RecordAsync("ben", "poll-b", now.AddDays(-1), CancellationToken.None);

        Assert.False(await ledger.MayReceiveAsync("ben", "survey-c", now, CancellationToken.None));
        Assert.True(await ledger.MayReceiveAsync("ben", "poll-a", now, CancellationToken.None));
        Assert.True(await ledger.MayReceiveAsync("carmen", "survey-c", now, CancellationToken.None));
    }

    [Fact]
    public async Task AQuestionAskedExactlySevenDaysAgoNoLongerCountsAndASecondEarlierItStillDid()
    {
        using var files = await StoreInATempFolder.CreateAsync(AskLedger.TableName);
        var ledger = Ledger(files, perWeek: 1);
        var now = new DateTimeOffset(2031, 3, 10, 9, 0, 0, TimeSpan.Zero);
        await ledger.RecordAsync("ben", "poll-a", now.AddDays(-7), CancellationToken.None);

        Assert.True(await ledger.MayReceiveAsync("ben", "poll-b", now, CancellationToken.None));
        Assert.False(await ledger.MayReceiveAsync("ben", "poll-b", now.AddSeconds(-1), CancellationToken.None));
    }

    private static AskLedger Ledger(StoreInATempFolder files, int perWeek) =>
        new(files.Store, Options.Create(new AnonymityOptions { MaxPerPersonPerWeek = perWeek }));

    private static StoreEntity Answer(string rowKey, int choice) =>
        new(Question, rowKey, new Dictionary<string, object?> { ["Choice"] = choice.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [GeneratedRegex("^h[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyedShape();

    [GeneratedRegex("^s[0-9a-f]{32}$")]
    private static partial Regex SealedShape();
}
