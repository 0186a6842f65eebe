using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>The profile form (also on the welcome card) and its confirmation.</summary>
public static class ProfileCards
{
    /// <summary>The department and language inputs with the save button, prefilled from what the directory knows.</summary>
    public static IReadOnlyList<CardElement> Form(Texts texts, IReadOnlyList<Department> departments, string? departmentCode, string? language)
    {
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
            new ChoiceSetInput("language", [.. Texts.SupportedLanguages.Select(l => new Choice(texts["Directory_Language_" + l], l))])
            {
                Label = texts.Directory_Profile_Language,
                Style = ChoiceInputStyle.Expanded,
                Value = language ?? texts.Language,
            },
            new ActionSet(new ExecuteAction(texts.Directory_Profile_Save, DirectoryVerbs.ProfileSave) { Data = new ProfileSaveData(), AssociatedInputs = AssociatedInputs.Auto }),
        ];
    }

    /// <summary>The <c>profile</c> card.</summary>
    public static AdaptiveCard Profile(Texts texts, IReadOnlyList<Department> departments, string? departmentCode, string? language) =>
        new([new TextBlock(texts.Directory_Profile_Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            .. Form(texts, departments, departmentCode, language)])
        {
            FallbackText = texts.Directory_Profile_Title,
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
