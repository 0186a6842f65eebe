using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace TeamsEngage.Cards.Tests;

/// <summary>
/// Renders escaped random text with a CommonMark renderer plus the GitHub-style extras (tables, strikethrough,
/// task lists, footnotes, emphasis inside words) and checks that no markup survives and the visible text is
/// exactly what was typed.
/// </summary>
public partial class EscapePropertyTests
{
    private const int Cases = 2000;

    // Pieces chosen to build every markdown construct; random concatenation hits them at line starts and mid-line.
    private static readonly string[] Pieces =
    [
        "*", "**", "_", "__", "[", "]", "(", ")", "[a](https://x.example)", "![i](https://x.example/i.png)", "#", "## ",
        "`", "```", ">", "- ", "+ ", "* ", "1. ", "2) ", "~", "~~", "|", "| a | b |\n|---|---|\n", "\\", "<", ">",
        "<b>", "<https://x.example>", "&amp;", "&#42;", "---", "===", "    ", "\n", "\n\n", " ", "text", "é", "{{",
        "}}", "{{DATE(2025-03-01T08:00:00Z, SHORT)}}", "[ ] ", "[x] ", "!", "\t", "\r\n", "a_b_c", "\u0000",
    ];

    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    [Fact]
    public void EscapedTextRendersWithoutAnyMarkup()
    {
        foreach (var input in RandomInputs(seed: 1))
        {
            var html = Markdown.ToHtml(CardText.Escape(input), Pipeline);

            var tags = Tags().Matches(html).Select(m => m.Groups[1].Value).Where(t => t is not ("p" or "br")).ToList();
            Assert.True(tags.Count == 0, $"Input {Show(input)} rendered markup {string.Join(",", tags)}: {html}");
        }
    }

    [Fact]
    public void EscapedTextShowsExactlyTheCleanedInput()
    {
        foreach (var input in RandomInputs(seed: 2))
        {
            var html = Markdown.ToHtml(CardText.Escape(input), Pipeline);
            var visible = WebUtility.HtmlDecode(Tags().Replace(html, string.Empty));

            Assert.True(
                WithoutWhitespace(visible) == WithoutWhitespace(CardText.Clean(input)),
                $"Input {Show(input)} rendered as {Show(visible)}");
        }
    }

    [Fact]
    public void UnescapedTextDoesRenderMarkupSoTheRendererIsAFairJudge()
    {
        var html = Markdown.ToHtml("**b** [a](https://x.example) ~~s~~", Pipeline);

        Assert.Contains("<strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a ", html, StringComparison.Ordinal);
        Assert.Contains("<del>", html, StringComparison.Ordinal);
    }

    private static MarkdownPipeline CreatePipeline()
    {
        // Bare URLs are left out on purpose: a client may link them, but then the visible text is the real address.
        // ==mark==, ^sup^ and ++ins++ are left out too: no Teams client renders them.
        return new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseGridTables()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            .UseTaskLists()
            .UseFootnotes()
            .UseListExtras()
            .Build();
    }

    private static IEnumerable<string> RandomInputs(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }
            yield return text.ToString();
        }
    }

    private static string WithoutWhitespace(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u200B').ToArray());

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    [GeneratedRegex("<\\/?([a-zA-Z0-9]+)[^>]*>")]
    private static partial Regex Tags();
}
