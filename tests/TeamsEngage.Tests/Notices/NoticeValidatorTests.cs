using TeamsEngage.Bot;
using TeamsEngage.Features.Notices;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Notices;

public sealed class NoticeValidatorTests
{
    private static readonly FakeDirectory Directory = new(
        [
            new Person("k-ana", "29:ana", "ana", "Ana Torres", "ana@school.org", "SCI", Role.Member, null, null, true),
            new Person("k-ben", "29:ben", "ben", "Ben Okafor", "ben@school.org", "MATH", Role.Member, null, null, true),
            new Person("k-ben2", null, null, "Ben Okafor", "ben.o@school.org", "ART", Role.Member, null, null, false),
        ],
        [new Department("SCI", "Science", null, null, 24, null), new Department("MATH", "Mathematics", null, null, 24, null)]);

    private static readonly NoticeForm Valid = new(
        Title: "Gradebook upgrade", What: "Version 5", Why: "Faster",
        StartDate: "2026-12-01", StartTime: "18:00", EndDate: "2026-12-01", EndTime: "20:00", TimeZone: "America/Chicago",
        Impact: "Disruption", Audience: "Departments", Departments: "SCI,math", Links: "https://help.example.org/a\nhttps://help.example.org/b", Ack: true);

    [Fact]
    public async Task AValidFormBecomesTheNoticeContentWithTheWindowInUtc()
    {
        var result = await Validate(Valid);

        Assert.Empty(result.Errors);
        var content = Assert.IsType<NoticeContent>(result.Content);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), content.Window.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero), content.Window.End);
        Assert.Equal(["SCI", "MATH"], content.Audience.Values);
        Assert.Equal(2, content.Links.Count);
        Assert.Equal(NoticeImpact.Disruption, content.Impact);
        Assert.True(content.AckRequired);
    }

    [Fact]
    public async Task AMissingTitleAnEndBeforeTheStartAndANonHttpsLinkAreEachReported()
    {
        var result = await Validate(Valid with { Title = " ", EndTime = "17:00", Links = "http://plain.example.org javascript:alert(1)" });

        Assert.Null(result.Content);
        Assert.Contains("Title is required.", result.Errors);
        Assert.Contains("The end must be after the start.", result.Errors);
        Assert.Contains("This is not an https link: http://plain.example.org", result.Errors);
        Assert.Contains("This is not an https link: javascript:alert(1)", result.Errors);
    }

    [Fact]
    public async Task APilotGroupResolvesEmailsAndUniqueNamesAndReportsTheRest()
    {
        var result = await Validate(Valid with { Audience = "People", Pilot = "ANA@school.org; Ben Okafor, nobody@school.org\nZed" });

        Assert.Null(result.Content);
        Assert.Contains("Several people are called Ben Okafor; use their email instead.", result.Errors);
        Assert.Contains("Nobody in the directory matches: nobody@school.org", result.Errors);
        Assert.Contains("Nobody in the directory matches: Zed", result.Errors);

        var ok = await Validate(Valid with { Audience = "People", Pilot = "ana@school.org, ben.o@school.org" });
        Assert.Equal(["k-ana", "k-ben2"], ok.Content!.Audience.Values);
    }

    [Fact]
    public async Task UnknownDepartmentsRolesAndZonesAreRefused()
    {
        var departments = await Validate(Valid with { Departments = "SCI,HIST" });
        var roles = await Validate(Valid with { Audience = "Roles", Roles = "Liaison,Janitor" });
        var zone = await Validate(Valid with { TimeZone = "Mars/Olympus" });

        Assert.Contains("Unknown department: HIST", departments.Errors);
        Assert.Contains("Unknown role: Janitor", roles.Errors);
        Assert.Contains("Choose a time zone from the list.", zone.Errors);
    }

    [Fact]
    public async Task ATimeSkippedByTheClockChangeIsRefused()
    {
        var result = await Validate(Valid with { StartDate = "2027-03-14", StartTime = "02:30", EndDate = "2027-03-14", EndTime = "04:00" });

        Assert.Contains("Starts: that time does not exist in this time zone (the clocks change then).", result.Errors);
    }

    [Fact]
    public async Task ErrorsAreInTheAuthorsLanguage()
    {
        var result = await new NoticeValidator(Directory).ValidateAsync(Valid with { Title = "" }, Texts.For("es"), CancellationToken.None);

        Assert.Contains("El campo «Título» es obligatorio.", result.Errors);
    }

    private static Task<NoticeValidation> Validate(NoticeForm form) =>
        new NoticeValidator(Directory).ValidateAsync(form, Texts.English, CancellationToken.None);
}
