using TeamsEngage.Cards;
using TeamsEngage.Commands;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Help;

/// <summary>The help card: the commands a person may use, with what each does.</summary>
public static class HelpCards
{
    public static AdaptiveCard Help(Texts texts, IEnumerable<BotCommand> commands) => new(
        new TextBlock(texts.Help_Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
        new TextBlock(texts.Help_Intro) { Wrap = true },
        new FactSet([.. commands.Select(c => new Fact(c.WordFor(texts.Language), texts[c.DescriptionKey]))]),
        new TextBlock(texts.Help_Footer) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium })
    {
        FallbackText = texts.Help_Title,
    };
}
