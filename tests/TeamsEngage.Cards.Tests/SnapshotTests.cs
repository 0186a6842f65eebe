using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Cards.Tests;

public class SampleCardSnapshotTests
{
    [Fact]
    public void SampleCardMatchesTheReviewedSnapshot() =>
        Snapshot.Match("every-element-and-action", SampleCards.EveryElementAndAction().ToJson());
}

public sealed class SnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("snapshot-tests-").FullName;
    private readonly string _callerFile;

    public SnapshotTests()
    {
        _callerFile = Path.Combine(_dir, "SomeTests.cs");
        File.WriteAllText(_callerFile, "// stands in for a test file");
    }

    private string SnapshotPath => Path.Combine(_dir, "Snapshots", "card.json");

    [Fact]
    public void MissingSnapshotIsWrittenIndentedWhenNotOnCi()
    {
        Snapshot.Match("card", """{"type":"AdaptiveCard","body":[]}""", _callerFile, onCi: false, update: false);

        Assert.Equal("{\n  \"type\": \"AdaptiveCard\",\n  \"body\": []\n}\n", File.ReadAllText(SnapshotPath));
    }

    [Fact]
    public void MissingSnapshotFailsOnCiAndWritesNothing()
    {
        var error = Assert.Throws<SnapshotMismatchException>(
            () => Snapshot.Match("card", "{}", _callerFile, onCi: true, update: false));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(SnapshotPath));
    }

    [Fact]
    public void FormattingDifferencesDoNotMatter()
    {
        Snapshot.Match("card", """{"a":1,"b":[1,2]}""", _callerFile, onCi: false, update: false);

        Snapshot.Match("card", "{ \"a\" : 1,\n \"b\" : [ 1, 2 ] }", _callerFile, onCi: true, update: false);
    }

    [Fact]
    public void MismatchFailsShowingTheFirstDifferingLine()
    {
        Snapshot.Match("card", """{"a":1,"b":2,"c":3}""", _callerFile, onCi: false, update: false);

        var error = Assert.Throws<SnapshotMismatchException>(
            () => Snapshot.Match("card", """{"a":1,"b":5,"c":3}""", _callerFile, onCi: false, update: false));

        Assert.Contains("first difference at line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("-   \"b\": 2,", error.Message, StringComparison.Ordinal);
        Assert.Contains("+   \"b\": 5,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateFlagRewritesTheSnapshotLocally()
    {
        Snapshot.Match("card", """{"a":1}""", _callerFile, onCi: false, update: false);

        Snapshot.Match("card", """{"a":2}""", _callerFile, onCi: false, update: true);

        Snapshot.Match("card", """{"a":2}""", _callerFile, onCi: true, update: false);
    }

    [Fact]
    public void UpdateFlagIsIgnoredOnCi()
    {
        Snapshot.Match("card", """{"a":1}""", _callerFile, onCi: false, update: false);

        Assert.Throws<SnapshotMismatchException>(
            () => Snapshot.Match("card", """{"a":2}""", _callerFile, onCi: true, update: true));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
