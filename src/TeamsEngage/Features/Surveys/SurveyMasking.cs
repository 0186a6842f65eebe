using System.Text.RegularExpressions;
using TeamsEngage.People;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Masks personal data in open answers before anyone sees them: e-mail addresses, phone numbers (seven digits or more,
/// with spaces, dots, dashes, brackets or a leading +), and the names of people in the directory (whole names and each
/// part of three letters or more, any case).
/// </summary>
public sealed partial class SurveyMasking(IPeopleDirectory directory)
{
    /// <summary>A masker for one results view: the directory's names are read once.</summary>
    public async Task<Func<string, string>> ForAsync(string emailMark, string phoneMark, string nameMark, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var person in directory.ListPeopleAsync(cancellationToken).ConfigureAwait(false))
        {
            if (person.Name is { Length: > 0 } name)
            {
                names.Add(name.Trim());
                names.UnionWith(name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 3));
            }
        }
        var pattern = names.Count == 0
            ? null
            : new Regex(@"(?<!\w)(" + string.Join('|', names.OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return text => Mask(text, pattern, emailMark, phoneMark, nameMark);
    }

    public static string Mask(string text, Regex? names, string emailMark, string phoneMark, string nameMark)
    {
        var masked = Email().Replace(text, emailMark);
        masked = Phone().Replace(masked, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? phoneMark : m.Value);
        return names is null ? masked : names.Replace(masked, nameMark);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\(?\d[\d\s().-]{5,}\d", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Phone();
}
