using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Features.Directory;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.People.Import;

namespace TeamsEngage.Tests.Directory;

/// <summary>Every card of the directory, in every state and language, for the card parser.</summary>
internal static class DirectoryCardSamples
{
    internal static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        var ana = new Person("ana", "29:ana", "ana", "Ana *Torres*", "ana@school.example", "SCI", Role.Liaison, "en", null, true);
        var ben = new Person("email:ben@school.example", null, null, null, "ben@school.example", "SCI", Role.Liaison, null, null, false);
        var science = new Department("SCI", "Science [lab]", "ana", "email:ben@school.example", 24, "19:science@thread.tacv2");
        var math = new Department("MATH", "Mathematics", null, null, 48, null);
        var views = new List<DepartmentView> { new(math, null, null), new(science, ana, ben) };
        var report = new ImportReport(3, 1,
            [new ImportIssue(4, "Directory_Import_BadCode", ["S C I"]), new ImportIssue(7, "Directory_Import_ColumnCount", ["5"])],
            [new ImportIssue(2, "Directory_Import_NotInstalled", ["ben@school.example"])]);
        foreach (var language in Texts.SupportedLanguages)
        {
            var t = Texts.For(language);
            yield return ($"welcome-plain-{language}", WelcomeCards.Welcome(t));
            yield return ($"welcome-asks-profile-{language}", WelcomeCards.Welcome(t, new ProfileQuestion([math, science], null, null)));
            yield return ($"welcome-no-departments-{language}", WelcomeCards.Welcome(t, new ProfileQuestion([], null, null)));
            yield return ($"profile-{language}", ProfileCards.Profile(t, [math, science], ana with { Language = "es", DepartmentSource = DepartmentSource.SelfReported }, null));
            yield return ($"profile-locked-{language}", ProfileCards.Profile(t, [math, science], ana with { DepartmentSource = DepartmentSource.Directory }, new DepartmentLock(science, "Eli *Grant*")));
            yield return ($"welcome-locked-{language}", WelcomeCards.Welcome(t, new ProfileQuestion([math, science], "SCI", null, new DepartmentLock(science, "an administrator"))));
            yield return ($"departments-self-reported-{language}", DepartmentCards.List(t, views, null, [ana with { DepartmentSource = DepartmentSource.SelfReported }]));
            yield return ($"department-review-{language}", DepartmentCards.Review(t, ana, [math, science]));
            yield return ($"profile-saved-{language}", ProfileCards.Saved(t, science));
            yield return ($"departments-{language}", DepartmentCards.List(t, views, [t.Format("Directory_Departments_Saved", "SCI")]));
            yield return ($"departments-empty-{language}", DepartmentCards.List(t, []));
            yield return ($"department-add-{language}", DepartmentCards.Form(t, null, [ana]));
            yield return ($"department-edit-{language}", DepartmentCards.Form(t, views[1], [ana]));
            yield return ($"import-{language}", ImportCards.Form(t));
            yield return ($"import-report-{language}", ImportCards.Report(t, report));
            yield return ($"import-report-clean-{language}", ImportCards.Report(t, new ImportReport(2, 0, [], [])));
        }
    }
}
