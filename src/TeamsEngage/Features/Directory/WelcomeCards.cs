using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>What the welcome asks a newcomer: the departments to choose from and what the directory already knows.</summary>
public sealed record ProfileQuestion(IReadOnlyList<Department> Departments, string? DepartmentCode, string? Language, DepartmentLock? Locked = null);

/// <summary>Whom the welcome greets: their name when known, their role, and the departments a liaison covers.</summary>
public sealed record WelcomeGreeting(string? Name, Role Role, IReadOnlyList<string> Covered);

/// <summary>The first card a person gets when they install the bot.</summary>
public static class WelcomeCards
{
    /// <summary>
    /// The welcome, by name and for the person's role, with buttons for what that role does most; with
    /// <paramref name="question"/>, it also asks for the person's department and language.
    /// </summary>
    public static AdaptiveCard Welcome(Texts texts, ProfileQuestion? question = null, WelcomeGreeting? greeting = null)
    {
        var role = greeting?.Role ?? Role.Member;
        return new AdaptiveCard(
        [
            new TextBlock(texts.Welcome_Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            .. greeting?.Name is { Length: > 0 } name ? [CardText.UserText(texts.Welcome_Hello(name))] : Enumerable.Empty<CardElement>(),
            new TextBlock(texts.Welcome_Body) { Wrap = true },
            .. RoleLines(texts, greeting),
            .. question is null ? [] : ProfileCards.Form(texts, question.Departments, question.DepartmentCode, question.Language, question.Locked),
            new TextBlock(texts.Welcome_Next) { Wrap = true, IsSubtle = true },
        ])
        {
            Actions = [new ExecuteAction(texts.Action_ShowHelp, SharedVerbs.ShowHelp), .. BotCommands.CommonFor(role).Take(3).Select(c => (CardAction)TypedAction.Of(c.WordFor(texts.Language)))],
            FallbackText = texts.Welcome_Title,
        };
    }

    private static IEnumerable<CardElement> RoleLines(Texts texts, WelcomeGreeting? greeting)
    {
        var line = greeting?.Role switch
        {
            Role.Administrator => texts.Welcome_Administrator,
            Role.Liaison when greeting.Covered.Count > 0 => texts.Welcome_LiaisonCovers(CardText.Escape(string.Join(", ", greeting.Covered))),
            Role.Liaison => texts.Welcome_Liaison,
            _ => null,
        };
        return line is null ? [] : [new TextBlock(line) { Wrap = true, Weight = TextWeight.Bolder }];
    }
}
