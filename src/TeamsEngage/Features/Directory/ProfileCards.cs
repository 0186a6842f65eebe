using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>A department the directory set for a person, and whom they can ask to change it.</summary>
public sealed record DepartmentLock(Department Department, string AskWhom);

/// <summary>The profile form (also on the welcome card) and its confirmation.</summary>
public static class ProfileCards
{
    /// <summary>
    /// The department and language inputs with the save button, prefilled from what the directory knows. A department
    /// the directory set (<paramref name="locked"/>) is shown as text with whom to ask; only the language can be changed.
    /// </summary>
    public static IReadOnlyList<CardElement> Form(Texts texts, IReadOnlyList<Department> departments, string? departmentCode, string? language, DepartmentLock? locked = null)
    {
        if (locked is not null)
        {
            return
            [
                new TextBlock(texts.Directory_Profile_Locked(CardText.Escape($"{locked.Department.Name} ({locked.Department.Code})"), CardText.Escape(locked.AskWhom))) { Wrap = true },
                LanguageChoice(texts, language),
                new ActionSet(new ExecuteAction(texts.Directory_Profile_Save, DirectoryVerbs.ProfileSave) { Data = new ProfileSaveData(locked.Department.Code), AssociatedInputs = AssociatedInputs.Auto }),
            ];
        }
        if (departments.Count == 0)
        {
            return [new TextBlock(texts.Directory_Profile_NoDepartments) { Wrap = true, IsSubtle = true }];
        }
        return
        [
            new TextBlock(texts.Directory_Profile_Intro) { Wrap = true },
            new ChoiceSetInput("department", [.. departments.Select(d => new Choice($"{d.Name} ({d.Code})", d.Code))])
            {
                Label = texts.Directory_Profile_Department,
                IsRequired = true,
                ErrorMessage = texts.Directory_Profile_DepartmentRequired,
                Style = ChoiceInputStyle.Filtered,
                Value = departmentCode,
            },
            LanguageChoice(texts, language),
            new ActionSet(new ExecuteAction(texts.Directory_Profile_Save, DirectoryVerbs.ProfileSave) { Data = new ProfileSaveData(), AssociatedInputs = AssociatedInputs.Auto }),
        ];
    }

    /// <summary>The <c>profile</c> card; a department the person chose themselves is marked as self-reported.</summary>
    public static AdaptiveCard Profile(Texts texts, IReadOnlyList<Department> departments, Person? person, DepartmentLock? locked) =>
        new([new TextBlock(texts.Directory_Profile_Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            .. person is { DepartmentSource: DepartmentSource.SelfReported } ? [new TextBlock(texts.Directory_Profile_SelfReported) { Wrap = true, IsSubtle = true }] : Array.Empty<CardElement>(),
            .. Form(texts, departments, person?.DepartmentCode, person?.Language, locked)])
        {
            FallbackText = texts.Directory_Profile_Title,
        };

    private static ChoiceSetInput LanguageChoice(Texts texts, string? language) =>
        new("language", [.. Texts.SupportedLanguages.Select(l => new Choice(texts["Directory_Language_" + l], l))])
        {
            Label = texts.Directory_Profile_Language,
            Style = ChoiceInputStyle.Expanded,
            Value = language ?? texts.Language,
        };

    /// <summary>What replaces the form once saved, in the newly chosen language.</summary>
    public static AdaptiveCard Saved(Texts texts, Department department) => new(
        new TextBlock(texts.Directory_Profile_Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
        new TextBlock(texts.Directory_Profile_Saved(CardText.Escape(department.Name), texts["Directory_Language_" + texts.Language])) { Wrap = true },
        new TextBlock(texts.Welcome_Next) { Wrap = true, IsSubtle = true })
    {
        FallbackText = texts.Directory_Profile_Title,
    };
}
