using TeamsEngage.Localization;
using System.Text;

namespace TeamsEngage.Features.Polls;

/// <summary>The outcome of reading the one-line form: the question and options, or the resource key of the error.</summary>
public sealed record QuickFormResult(string? Question, IReadOnlyList<string> Options, string? ErrorKey)
{
    public bool IsValid => ErrorKey is null;
}

/// <summary>
/// Reads <c>poll "Question?" "Option 1" "Option 2"</c>: every part in double quotes (straight or curly), the question
/// first, then 2 to 10 distinct options.
/// </summary>
public static class PollQuickForm
{
    public static QuickFormResult Parse(string arguments)
    {
        var parts = new List<string>();
        var text = arguments.Trim();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (!IsOpeningQuote(text[i]))
            {
                return Error(TextKeys.Poll_QuickForm_Unquoted);
            }
            var end = IndexOfClosingQuote(text, i + 1);
            if (end < 0)
            {
                return Error(TextKeys.Poll_QuickForm_Unterminated);
            }
            parts.Add(Normalize(text[(i + 1)..end]));
            i = end + 1;
        }
        return Validate(parts);
    }

    private static QuickFormResult Validate(List<string> parts)
    {
        if (parts.Count == 0 || parts.Any(string.IsNullOrWhiteSpace))
        {
            return Error(TextKeys.Poll_QuickForm_Empty);
        }
        var options = parts.Skip(1).ToList();
        if (options.Count < PollLimits.MinOptions || options.Count > PollLimits.MaxOptions)
        {
            return Error(TextKeys.Poll_QuickForm_OptionCount);
        }
        if (parts[0].Length > PollLimits.MaxQuestionLength || options.Any(o => o.Length > PollLimits.MaxOptionLength))
        {
            return Error(TextKeys.Poll_QuickForm_TooLong);
        }
        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            return Error(TextKeys.Poll_QuickForm_Duplicate);
        }
        return new QuickFormResult(parts[0], options, null);
    }

    private static QuickFormResult Error(string key) => new(null, [], key);

    private static bool IsOpeningQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    private static int IndexOfClosingQuote(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is '"' or '\u201D' or '\u201C')
            {
                return i;
            }
        }
        return -1;
    }

    private static string Normalize(string part)
    {
        var result = new StringBuilder(part.Length);
        foreach (var word in part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            result.Append(result.Length == 0 ? string.Empty : " ").Append(word);
        }
        return result.ToString();
    }
}
