using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>A department as the administrators' list shows it: with its liaison and backup looked up.</summary>
public sealed record DepartmentView(Department Department, Person? Liaison, Person? Backup);

/// <summary>The administrators' departments list and the add/edit form.</summary>
public static class DepartmentCards
{
    /// <summary>The value of the "nobody" choice for a liaison or backup.</summary>
    public const string NoOne = "none";

    /// <summary>Every department with its liaison, backup (and whether the bot can reach them) and promise; <paramref name="notices"/> on top.</summary>
    /// <remarks>People who chose their own department (<paramref name="selfReported"/>) follow, each with a button to review it.</remarks>
    public static AdaptiveCard List(Texts texts, IReadOnlyList<DepartmentView> departments, IReadOnlyList<string>? notices = null, IReadOnlyList<Person>? selfReported = null)
    {
        var body = new List<CardElement> { Heading(texts.Directory_Departments_Title) };
        body.AddRange((notices ?? []).Select(n => new TextBlock(n) { Wrap = true, Color = TextColor.Accent }));
        if (departments.Count == 0)
        {
            body.Add(new TextBlock(texts.Directory_Departments_Empty) { Wrap = true, IsSubtle = true });
        }
        body.AddRange(departments.Select(view => Entry(texts, view)));
        if (selfReported is { Count: > 0 })
        {
            body.Add(new TextBlock(texts.Directory_SelfReported_Title) { Weight = TextWeight.Bolder, Wrap = true, Separator = true, Spacing = Spacing.Large });
            body.AddRange(selfReported.Select(p => new ColumnSet(
                new Column(new TextBlock(texts.Directory_SelfReported_Entry(CardText.Escape(Display(p)), p.DepartmentCode)) { Wrap = true }) { Width = ColumnWidth.Stretch },
                new Column(new ActionSet(new ExecuteAction(texts.Directory_SelfReported_Review, DirectoryVerbs.DepartmentReview) { Data = new PersonRef(p.Key) })) { Width = ColumnWidth.Auto })));
        }
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Directory_Departments_Add, DirectoryVerbs.DepartmentAdd) { Data = new NoData() }],
            FallbackText = texts.Directory_Departments_Title,
        };
    }

    /// <summary>The add form (no <paramref name="department"/>) or edit form; liaisons are chosen among <paramref name="installed"/>.</summary>
    public static AdaptiveCard Form(Texts texts, DepartmentView? department, IReadOnlyList<Person> installed)
    {
        var d = department?.Department;
        var choices = installed.Select(p => new Choice(Display(p), p.Key)).ToList();
        foreach (var current in new[] { department?.Liaison, department?.Backup }.OfType<Person>().Where(p => choices.All(c => c.Value != p.Key)))
        {
            choices.Add(new Choice(texts.Directory_Departments_NotInstalled(Display(current)), current.Key));
        }
        choices.Insert(0, new Choice(texts.Directory_Departments_NoneChoice, NoOne));
        var body = new List<CardElement>
        {
            Heading(d is null ? texts.Directory_Departments_FormTitleAdd : texts.Directory_Departments_Edit($"{d.Name} ({d.Code})")),
            new TextInput("name") { Label = texts.Directory_Departments_Name, IsRequired = true, ErrorMessage = texts.Directory_Departments_NameRequired, MaxLength = 100, Value = d?.Name },
        };
        if (d is null)
        {
            body.Add(new TextInput("code") { Label = texts.Directory_Departments_Code, IsRequired = true, ErrorMessage = texts.Directory_Departments_CodeRequired, MaxLength = 10, Regex = "^[A-Za-z0-9]{2,10}$" });
        }
        body.Add(new NumberInput("responseHours") { Label = texts.Directory_Departments_HoursLabel, IsRequired = true, ErrorMessage = texts.Directory_Departments_HoursRequired, Min = 1, Max = 720, Value = d?.ResponseHours ?? 24 });
        body.Add(new TextBlock(texts.Directory_Departments_NotInstalledChoice) { Wrap = true, IsSubtle = true });
        body.Add(new ChoiceSetInput("liaison", choices) { Label = texts.Directory_Departments_Liaison, Style = ChoiceInputStyle.Filtered, Value = d?.LiaisonKey ?? NoOne });
        body.Add(new ChoiceSetInput("backup", choices) { Label = texts.Directory_Departments_Backup, Style = ChoiceInputStyle.Filtered, Value = d?.BackupKey ?? NoOne });
        body.Add(new TextInput("channel") { Label = texts.Directory_Departments_ChannelLabel, MaxLength = 300, Value = d?.ChannelConversationId });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Directory_Departments_Save, DirectoryVerbs.DepartmentSave) { Data = new DepartmentFormData(OriginalCode: d?.Code), AssociatedInputs = AssociatedInputs.Auto },
                new ExecuteAction(texts.Directory_Departments_Back, DirectoryVerbs.DepartmentsList) { Data = new NoData(), AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = texts.Directory_Departments_Title,
        };
    }

    /// <summary>An administrator reviews the department a person chose: confirm it or choose the right one.</summary>
    public static AdaptiveCard Review(Texts texts, Person person, IReadOnlyList<Department> departments) => new(
        Heading(texts.Directory_SelfReported_ReviewTitle),
        new TextBlock(texts.Directory_SelfReported_Entry(CardText.Escape(Display(person)), person.DepartmentCode)) { Wrap = true },
        new ChoiceSetInput("department", [.. departments.Select(d => new Choice($"{d.Name} ({d.Code})", d.Code))])
        {
            Label = texts.Directory_Profile_Department,
            IsRequired = true,
            ErrorMessage = texts.Directory_Profile_DepartmentRequired,
            Style = ChoiceInputStyle.Filtered,
            Value = person.DepartmentCode,
        })
    {
        Actions =
        [
            new ExecuteAction(texts.Directory_SelfReported_Confirm, DirectoryVerbs.DepartmentConfirm) { Data = new ConfirmDepartmentData(person.Key), AssociatedInputs = AssociatedInputs.Auto },
            new ExecuteAction(texts.Directory_Departments_Back, DirectoryVerbs.DepartmentsList) { Data = new NoData(), AssociatedInputs = AssociatedInputs.None },
        ],
        FallbackText = texts.Directory_SelfReported_ReviewTitle,
    };

    private static Container Entry(Texts texts, DepartmentView view)
    {
        var d = view.Department;
        var facts = new List<Fact>
        {
            new(texts.Directory_Departments_Liaison, Describe(texts, d.LiaisonKey, view.Liaison)),
            new(texts.Directory_Departments_Backup, Describe(texts, d.BackupKey, view.Backup)),
            new(texts.Directory_Departments_Promise, texts.Directory_Departments_Hours(d.ResponseHours.ToString(texts.Culture))),
        };
        if (d.ChannelConversationId is { } channel)
        {
            facts.Add(new(texts.Directory_Departments_Channel, CardText.Escape(channel)));
        }
        return new Container(
            new TextBlock($"**{CardText.Escape(d.Name)}** ({d.Code})") { Wrap = true },
            new FactSet(facts),
            new ActionSet(
                new ExecuteAction(texts.Directory_Departments_Edit(d.Code), DirectoryVerbs.DepartmentEdit) { Data = new DepartmentRef(d.Code) },
                new ExecuteAction(texts.Directory_Departments_Remove(d.Code), DirectoryVerbs.DepartmentRemove) { Data = new DepartmentRef(d.Code) }))
        {
            Separator = true,
            Spacing = Spacing.Medium,
        };
    }

    private static string Describe(Texts texts, string? key, Person? person) => key switch
    {
        null => texts.Directory_Departments_Nobody,
        _ when person is { Installed: true } => CardText.Escape(Display(person)),
        _ => texts.Directory_Departments_NotInstalled(CardText.Escape(person is null ? key : Display(person))),
    };

    internal static string Display(Person person) =>
        person.Name is { Length: > 0 } name && person.Email is { } email ? $"{name} <{email}>"
        : person.Name ?? person.Email ?? person.Key;

    private static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };
}
