using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>What the welcome asks a newcomer: the departments to choose from and what the directory already knows.</summary>
public sealed record ProfileQuestion(IReadOnlyList<Department> Departments, string? DepartmentCode, string? Language, DepartmentLock? Locked = null);

/// <summary>The first card a person gets when they install the bot.</summary>
public static class WelcomeCards
{
    /// <summary>The welcome; with <paramref name="question"/>, it also asks for the person's department and language.</summary>
    public static AdaptiveCard Welcome(Texts texts, ProfileQuestion? question = null) => new(
        [
            new TextBlock(texts.Welcome_Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.Welcome_Body) { Wrap = true },
            .. question is null ? [] : ProfileCards.Form(texts, question.Departments, question.DepartmentCode, question.Language, question.Locked),
            new TextBlock(texts.Welcome_Next) { Wrap = true, IsSubtle = true },
        ])
    {
        Actions = [new ExecuteAction(texts.Action_ShowHelp, SharedVerbs.ShowHelp)],
        FallbackText = texts.Welcome_Title,
    };
}
