namespace TeamsEngage.Cards.Tests;

public class CardTextTests
{
    [Theory]
    [InlineData("[click](https://evil.example)", @"\[click\]\(https://evil.example\)")]
    [InlineData("**bold** and _it_", @"\*\*bold\*\* and \_it\_")]
    [InlineData("# Title", @"\# Title")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("12. item", @"12\. item")]
    [InlineData("version 1.5", "version 1.5")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("`code` ~~gone~~ a|b", @"\`code\` \~\~gone\~\~ a\|b")]
    [InlineData(@"C:\temp", @"C:\\temp")]
    [InlineData("<https://evil.example>", @"\<https://evil.example\>")]
    [InlineData("x - y", "x - y")]
    public void EscapeNeutralisesMarkdown(string input, string expected) =>
        Assert.Equal(expected, CardText.Escape(input));

    [Fact]
    public void EscapeHandlesLineStartsOnEveryLine() =>
        Assert.Equal("a\n\\- b\n3\\. c\n\\===", CardText.Escape("a\r\n- b\r   3. c\n==="));

    [Theory]
    [InlineData("{{DATE(2025-03-01T08:00:00Z, SHORT)}}")]
    [InlineData("{{TIME(2025-03-01T08:00:00Z)}}")]
    public void DateAndTimeFunctionsAreBroken(string input)
    {
        Assert.DoesNotContain("{{", CardText.Escape(input), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", CardText.Clean(input), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", CardText.UserText(input).Inlines[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanStripsControlAndBidiCharactersButKeepsLineBreaksAndEmoji() =>
        Assert.Equal("ab c\nd👩‍💻", CardText.Clean("a\u0000b\tc\r\nd\u202E\u0007👩‍💻"));

    [Fact]
    public void UserTextIsARichTextRunWithTheTextAsTyped()
    {
        var block = CardText.UserText("**not bold** [x](y)", isSubtle: true);

        var run = Assert.Single(block.Inlines);
        Assert.Equal("**not bold** [x](y)", run.Text);
        Assert.True(run.IsSubtle);
        Assert.Null(run.Italic);
    }

    [Fact]
    public void UserTextTruncates() =>
        Assert.Equal("abc…", CardText.UserText("abcdefgh", maxLength: 4).Inlines[0].Text);

    [Fact]
    public void ShortTextIsNotTruncated() => Assert.Equal("abc", CardText.Truncate("abc", 3));

    [Fact]
    public void TruncateEndsWithEllipsisWithinTheLimit()
    {
        var result = CardText.Truncate("The Wi-Fi will be down all weekend", 12);

        Assert.Equal("The Wi-Fi w…", result);
        Assert.True(result.Length <= 12);
    }

    [Fact]
    public void TruncateDropsTrailingSpaceBeforeTheEllipsis() =>
        Assert.Equal("one…", CardText.Truncate("one two three", 5));

    [Theory]
    [InlineData("ab👩‍👩‍👧‍👦cd", 6, "ab…")]
    [InlineData("ae\u0301\u0301xyz", 4, "a…")]
    [InlineData("🙂🙂🙂", 5, "🙂🙂…")]
    public void TruncateNeverSplitsAGrapheme(string input, int max, string expected) =>
        Assert.Equal(expected, CardText.Truncate(input, max));

    [Fact]
    public void TruncateRefusesALimitShorterThanTheEllipsis() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CardText.Truncate("abc", 0));
}
