using System.Globalization;
using TeamsEngage.Search;

namespace TeamsEngage.Tests.Search;

public sealed class TextSearchTests : IDisposable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    private readonly TextSearch _search = new();

    public void Dispose() => _search.Dispose();

    [Fact]
    public void AnEntryWordedDifferentlyButWithTheSameStemsIsFoundFirst()
    {
        SearchEntry[] entries =
        [
            new("printer", "The printer in the staff room jams on double-sided copies"),
            new("projector", "Projectors flicker during lessons in the science block"),
            new("wifi", "Wi-Fi drops in the gym"),
        ];

        var matches = _search.Find(entries, "the projector is flickering", English, 5);

        Assert.Equal("projector", Assert.Single(matches).Key);
        Assert.Equal(1.0, matches[0].Coverage);
    }

    [Fact]
    public void ARareSharedWordWeighsMoreThanACommonOne()
    {
        var entries = Enumerable.Range(1, 12)
            .Select(i => new SearchEntry($"printer-{i}", $"Printer number {i} needs toner"))
            .Append(new SearchEntry("chromebook", "Chromebook cart is not charging"))
            .ToArray();

        var matches = _search.Find(entries, "printer chromebook", English, 3);

        Assert.Equal("chromebook", matches[0].Key);
        Assert.Equal(0.5, matches[0].Coverage);
        Assert.True(matches[0].Score > matches[1].Score);
    }

    [Fact]
    public void CoverageIsTheShareOfTheQuerysMeaningfulWordsInTheEntry()
    {
        SearchEntry[] entries = [new("reset", "How do I reset my password?"), new("policy", "Password rules for staff accounts")];

        var matches = _search.Find(entries, "reset password", English, 5).ToDictionary(m => m.Key, m => m.Coverage);

        Assert.Equal(1.0, matches["reset"]);
        Assert.Equal(0.5, matches["policy"]);
    }

    [Fact]
    public void APartOfAWordIsNotAMatchTheWayASubstringWouldBe()
    {
        SearchEntry[] entries = [new("education", "Special education software licences")];

        Assert.Empty(_search.Find(entries, "cat", English, 5));
    }

    [Fact]
    public void AQueryOfOnlyStopWordsFindsNothing()
    {
        SearchEntry[] entries = [new("any", "The network is down in the library")];

        Assert.Empty(_search.Find(entries, "the is in", English, 5));
        Assert.Empty(_search.Find(entries, "   ", English, 5));
    }

    [Fact]
    public void SpanishWordsAreMatchedByTheirStemsWithOrWithoutAccents()
    {
        SearchEntry[] entries =
        [
            new("install", "Instalación de programas en los portátiles del aula"),
            new("mail", "No recibo correos en el móvil"),
        ];

        var accented = _search.Find(entries, "¿Cuándo es la instalación del programa?", Spanish, 5);
        var plain = _search.Find(entries, "instalacion programas", Spanish, 5);

        Assert.Equal("install", accented[0].Key);
        Assert.Equal("install", Assert.Single(plain).Key);
        Assert.Equal(1.0, plain[0].Coverage);
    }

    [Fact]
    public void SpanishVerbFormsAndUnaccentedWordsMeetAndStopWordsDoNotCount()
    {
        var asked = _search.MeaningfulWords("He olvidado la contraseña", Spanish);
        var typed = _search.MeaningfulWords("olvide mi contrasena", Spanish);

        Assert.Equal(2, asked.Count);
        Assert.Equal(asked, typed);
    }

    [Fact]
    public void NoMoreThanTheAskedNumberOfMatchesComeBack()
    {
        var entries = Enumerable.Range(1, 30).Select(i => new SearchEntry($"k{i}", $"laptop battery issue {i}")).ToArray();

        Assert.Equal(4, _search.Find(entries, "laptop battery", English, 4).Count);
    }

    [Fact]
    public void ManyCallsAtOnceGiveTheSameAnswerAsOne()
    {
        SearchEntry[] entries = [new("a", "Teams meetings freeze on the classroom PC"), new("b", "Email signatures for staff")];
        var expected = _search.Find(entries, "meeting freezes", English, 2);

        var answers = new SearchMatch[64][];
        Parallel.For(0, answers.Length, i => answers[i] = [.. _search.Find(entries, "meeting freezes", English, 2)]);

        Assert.All(answers, answer => Assert.Equal(expected, answer));
    }
}
