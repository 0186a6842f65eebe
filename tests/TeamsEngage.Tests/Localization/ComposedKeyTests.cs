using TeamsEngage.Bot;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Localization;

/// <summary>
/// The few strings whose key is composed at run time from a value (an enum, a language) are not checked by the
/// compiler like the rest: every value they can be composed from must have its string, in every language.
/// </summary>
public sealed class ComposedKeyTests
{
    public static TheoryData<string> ComposedKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var change in Enum.GetValues<NoticeChanges>().Where(c => c != NoticeChanges.None))
        {
            keys.Add("Notice_Changed_" + change);
        }
        foreach (var role in Enum.GetValues<Role>())
        {
            keys.Add("Notice_Role_" + role);
        }
        foreach (var kind in Enum.GetValues<AudienceKind>())
        {
            keys.Add("Notice_Audience_" + kind);
        }
        foreach (var reason in NoticeStatusCards.Reasons)
        {
            keys.Add("Notice_Reason_" + reason);
        }
        foreach (var urgency in Enum.GetValues<TicketUrgency>())
        {
            keys.Add("Tickets_Urgency" + urgency);
        }
        foreach (var stars in Enumerable.Range(1, 5))
        {
            keys.Add("Tickets_Stars" + stars);
        }
        foreach (var language in Texts.SupportedLanguages)
        {
            keys.Add("Directory_Language_" + language);
        }
        return keys;
    }

    [Theory]
    [MemberData(nameof(ComposedKeys))]
    public void EveryComposedKeyHasItsStringInEveryLanguage(string key)
    {
        // English is the default resource file; every other language is a satellite that must define the key itself.
        Assert.Contains(key, Texts.AllKeys());
        foreach (var language in Texts.SupportedLanguages.Skip(1))
        {
            Assert.Contains(key, Texts.KeysOf(language));
        }
    }
}
