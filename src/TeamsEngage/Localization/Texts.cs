using System.Globalization;
using System.Resources;

namespace TeamsEngage.Localization;

/// <summary>
/// The user-visible strings in one language. Cards and replies take a <see cref="Texts"/> rather than reading
/// the thread's culture, so a card builder stays a pure function of its data and language.
/// </summary>
public sealed partial class Texts
{
    private static readonly ResourceManager Resources = new("TeamsEngage.Localization.Strings", typeof(Texts).Assembly);

    /// <summary>The languages TeamsEngage ships, the first being the default.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["en", "es"];

    public static Texts English { get; } = new(CultureInfo.GetCultureInfo("en"));

    private Texts(CultureInfo culture) => Culture = culture;

    /// <summary>The culture strings, dates and numbers are formatted in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The two-letter language of these texts.</summary>
    public string Language => Culture.TwoLetterISOLanguageName;

    /// <summary>
    /// Texts for a person: their chosen language if they have one, else the language of their Teams client,
    /// else English. Regional tags fall back to their language (es-MX → es).
    /// </summary>
    public static Texts For(string? preferredLanguage, string? clientLocale = null) =>
        TryFor(preferredLanguage) ?? TryFor(clientLocale) ?? English;

    /// <summary>Whether a language tag names a shipped language.</summary>
    public static bool IsSupported(string? languageTag) => TryFor(languageTag) is not null;

    private static Texts? TryFor(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }
        var language = tag.Split('-', '_')[0].ToLowerInvariant();
        return SupportedLanguages.Contains(language) ? Cache[language] : null;
    }

    private static readonly Dictionary<string, Texts> Cache =
        SupportedLanguages.ToDictionary(l => l, l => l == "en" ? new Texts(CultureInfo.GetCultureInfo("en")) : new Texts(CultureInfo.GetCultureInfo(l)));

    /// <summary>The string for <paramref name="key"/>. A missing key is a programming error and throws.</summary>
    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No resource string '{key}'.");

    /// <summary>The string for <paramref name="key"/>, or null when the resources have none (an optional label).</summary>
    public string? Find(string key) => Resources.GetString(key, Culture);

    /// <summary>The string for <paramref name="key"/> with its placeholders filled, in this culture.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>Every key of the default (English) resources, for completeness tests.</summary>
    internal static IEnumerable<string> AllKeys()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("The default resources are missing.");
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The keys a language defines itself (without falling back), for completeness tests.</summary>
    internal static IEnumerable<string> KeysOf(string language)
    {
        var set = Resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }
}
