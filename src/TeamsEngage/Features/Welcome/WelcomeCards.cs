using TeamsEngage.Cards;
using TeamsEngage.Features.Help;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Welcome;

/// <summary>The first card a person gets when they install the bot.</summary>
public static class WelcomeCards
{
    public static AdaptiveCard Welcome(Texts texts) => new(
        new TextBlock(texts["Welcome_Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
        new TextBlock(texts["Welcome_Body"]) { Wrap = true },
        new TextBlock(texts["Welcome_Next"]) { Wrap = true, IsSubtle = true })
    {
        Actions = [new ExecuteAction(texts["Action_ShowHelp"], ShowHelpAction.VerbName)],
        FallbackText = texts["Welcome_Title"],
    };
}
