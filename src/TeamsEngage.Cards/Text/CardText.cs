using System.Globalization;
using System.Text;

namespace TeamsEngage.Cards;

/// <summary>
/// Makes text typed by a person safe to show in a card.
/// </summary>
/// <remarks>
/// Where user text goes decides which helper to use:
/// <list type="bullet">
/// <item><see cref="UserText"/> (preferred): a RichTextBlock with one TextRun. Runs are never markdown-processed,
/// so the text shows exactly as typed, with no backslashes.</item>
/// <item><see cref="Escape"/>: for places that are markdown-processed: TextBlock text, Fact titles and values,
/// choice titles, toggle titles.</item>
/// <item><see cref="Clean"/>: for input values, placeholders and other plain-text properties.</item>
/// </list>
/// All three strip control characters and break the <c>{{DATE(...)}}</c> / <c>{{TIME(...)}}</c> functions that
/// hosts expand in any text. Truncate with <see cref="Truncate"/> before escaping, so a cut never separates an escape.
/// A client may still turn a bare URL into a link; its visible text is then the real address, never a disguise.
/// </remarks>
public static class CardText
{
    /// <summary>The character used to end truncated text.</summary>
    public const string Ellipsis = "…";

    // Inserted between two braces so no host's date/time function pattern can match; invisible when rendered.
    private const char BraceBreaker = '\u200B';

    private const string MarkdownSpecials = "\\*_[]()#`>~|<&!";

    /// <summary>Removes control characters, normalises line breaks and breaks <c>{{</c>.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }
                result.Append('\n');
            }
            else if (c == '\t')
            {
                result.Append(' ');
            }
            else if (c == '\n' || !IsStripped(c))
            {
                if (c == '{' && result.Length > 0 && result[^1] == '{')
                {
                    result.Append(BraceBreaker);
                }
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// Cleans <paramref name="text"/> and backslash-escapes everything the markdown subset of Teams would act on,
    /// so it renders literally in a TextBlock.
    /// </summary>
    public static string Escape(string text)
    {
        var lines = Clean(text).Split('\n');
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                result.Append('\n');
            }
            EscapeLine(lines[i], result);
        }
        return result.ToString();
    }

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxLength"/> UTF-16 characters, ending with
    /// an ellipsis and never splitting a grapheme (an emoji, a letter with its accents).
    /// </summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length);
        if (text.Length <= maxLength)
        {
            return text;
        }
        var budget = maxLength - Ellipsis.Length;
        var cut = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var end = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (end > budget)
            {
                break;
            }
            cut = end;
        }
        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// A block showing user text literally: a RichTextBlock whose single TextRun is not markdown-processed.
    /// </summary>
    public static RichTextBlock UserText(string text, int? maxLength = null, bool italic = false, bool isSubtle = false)
    {
        var shown = maxLength is { } max ? Truncate(text, max) : text;
        return new RichTextBlock(new TextRun(Clean(shown))
        {
            Italic = italic ? true : null,
            IsSubtle = isSubtle ? true : null,
        });
    }

    private static bool IsStripped(char c) =>
        char.IsControl(c)
        // Bidirectional embeddings, overrides and isolates can make text read differently from what it is.
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static void EscapeLine(string line, StringBuilder result)
    {
        // Leading spaces would turn the line into an indented code block.
        var content = line.TrimStart(' ');
        var listMarkerEnd = OrderedListMarkerEnd(content);
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            var startsBlock = i == 0 && c is '-' or '+' or '=';
            if (MarkdownSpecials.Contains(c, StringComparison.Ordinal) || startsBlock || i == listMarkerEnd)
            {
                result.Append('\\');
            }
            result.Append(c);
        }
    }

    // "12." at the start of a line starts an ordered list; returns the index of the '.' or -1.
    private static int OrderedListMarkerEnd(string content)
    {
        var digits = 0;
        while (digits < content.Length && char.IsAsciiDigit(content[digits]))
        {
            digits++;
        }
        return digits > 0 && digits < content.Length && content[digits] == '.' ? digits : -1;
    }
}
