using TeamsEngage.Localization;

namespace TeamsEngage.People;

/// <summary>The language a message is rendered in for one recipient, decided in one place for every feature.</summary>
public static class RecipientTexts
{
    /// <summary>
    /// The recipient's chosen language when the directory knows them (by person key, else by Teams user id), else the
    /// language of their Teams client, else English.
    /// </summary>
    public static async Task<Texts> TextsForAsync(this IPeopleDirectory directory, string? personKey, string userId, string? clientLocale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var person = personKey is { Length: > 0 }
            ? await directory.FindAsync(personKey, cancellationToken).ConfigureAwait(false)
            : await directory.FindByUserIdAsync(userId, cancellationToken).ConfigureAwait(false);
        return Texts.For(person?.Language, clientLocale);
    }
}
