using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Commands;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Help;

/// <summary>The help card: what the person's role is for, the commands they may use, and buttons for the common ones.</summary>
public static class HelpCards
{
    /// <param name="covered">For a liaison, the departments she covers (empty: none yet); null for anyone else.</param>
    public static AdaptiveCard Help(Texts texts, IEnumerable<BotCommand> commands, Role role, IReadOnlyList<string>? covered = null)
    {
        var allowed = commands.ToList();
        IEnumerable<CardElement> coverage = covered is null ? [] :
            [new TextBlock(covered.Count > 0 ? texts.Help_LiaisonCovers(CardText.Escape(string.Join(", ", covered))) : texts.Help_LiaisonCoversNone) { Wrap = true, Weight = TextWeight.Bolder }];
        return new AdaptiveCard([
            new TextBlock(texts.Help_Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts[IntroKey(role)]) { Wrap = true },
            .. coverage,
            new FactSet([.. allowed.Select(c => new Fact(c.WordFor(texts.Language), texts[c.DescriptionKey]))]),
            new TextBlock(texts.Help_Footer) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium }])
        {
            Actions = [.. BotCommands.CommonFor(role).Where(allowed.Contains).Select(c => (CardAction)TypedAction.Of(c.WordFor(texts.Language)))],
            FallbackText = texts.Help_Title,
        };
    }

    private static string IntroKey(Role role) => role switch
    {
        Role.Administrator => TextKeys.Help_IntroAdministrator,
        Role.Liaison => TextKeys.Help_IntroLiaison,
        _ => TextKeys.Help_Intro,
    };
}
