using TeamsEngage.Features.Notices;
using TeamsEngage.Localization;

namespace TeamsEngage.Tests.Notices;

public sealed class NoticeLogicTests
{
    [Fact]
    public void StatusCountsDeliveredPendingFailedByReasonAndAcknowledgedPerDepartment()
    {
        var report = NoticeCardSamples.SampleReport();

        Assert.Equal(6, report.Total.Recipients);
        Assert.Equal(2, report.Total.Delivered);
        Assert.Equal(1, report.Total.Pending);
        Assert.Equal(3, report.Total.Failed);
        Assert.Equal(1, report.Total.Acknowledged);
        Assert.Equal(1, report.Total.FailedBy["Blocked"]);
        Assert.Equal(1, report.Total.FailedBy["NotInstalled"]);
        Assert.Equal(1, report.Total.FailedBy["Gone"]);
        var science = report.ByDepartment.Single(d => d.Department == "SCI").Tally;
        Assert.Equal((2, 0, 1, 1), (science.Delivered, science.Pending, science.Failed, science.Acknowledged));
        var math = report.ByDepartment.Single(d => d.Department == "MATH").Tally;
        Assert.Equal((0, 1, 1, 0), (math.Delivered, math.Pending, math.Failed, math.Acknowledged));
    }

    [Fact]
    public void TheWindowIsShownInTheRecipientsZoneWhenKnownElseInThePlannedZone()
    {
        var window = NoticeCardSamples.SampleNotice().Content.Window;

        var eastern = NoticeTime.Describe(window, "America/New_York", Texts.English);
        var planned = NoticeTime.Describe(window, null, Texts.English);
        var bogus = NoticeTime.Describe(window, "Not/AZone", Texts.English);

        Assert.Equal("Mon 30 Nov, 7:00 PM to 9:00 PM (Eastern time)", eastern.Replace('\u202F', ' '));
        Assert.Equal("Mon 30 Nov, 6:00 PM to 8:00 PM (Central time)", planned.Replace('\u202F', ' '));
        Assert.Equal(planned, bogus);
    }

    [Fact]
    public void EveryDateReadsOneWayPerLanguageWithTheZoneNamedInTheReadersLanguage()
    {
        var at = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        var chicago = PeopleTime.ZoneOrUtc("America/Chicago");

        Assert.Equal("Tue 1 Dec, 6:00 PM (Central time)", PeopleTime.Moment(at, chicago, Texts.English).Replace('\u202F', ' '));
        Assert.Equal("mar 1 dic, 18:00 (hora del Centro)", PeopleTime.Moment(at, chicago, Texts.For("es")).Replace('\u00A0', ' '));
        Assert.Equal("Wed 2 Dec, 12:00 AM (UTC)", PeopleTime.Moment(at, PeopleTime.ZoneOrUtc(null), Texts.English).Replace('\u202F', ' '));
        Assert.Equal("Wed 2 Dec, 1:00 AM (Europe/Madrid)", PeopleTime.Moment(at, PeopleTime.ZoneOrUtc("Europe/Madrid"), Texts.English).Replace('\u202F', ' '));
        Assert.Equal("Tue 1 Dec", PeopleTime.Day(new DateOnly(2026, 12, 1), Texts.English));
    }

    [Fact]
    public void TheAuthorsOwnZoneIsOfferedFirstWhenItIsNotACommonOne()
    {
        Assert.Equal("Europe/Madrid", PeopleTime.ZonesFor("Europe/Madrid")[0]);
        Assert.Equal(PeopleTime.CommonZones, PeopleTime.ZonesFor("America/Chicago"));
        Assert.Equal(PeopleTime.CommonZones, PeopleTime.ZonesFor("Nowhere/Land"));
    }

    [Fact]
    public void ComparingTwoVersionsNamesWhatChanged()
    {
        var before = NoticeCardSamples.SampleNotice().Content;
        var after = before with { Window = before.Window with { End = before.Window.End.AddHours(1) }, Impact = NoticeImpact.Unavailable };

        var changes = before.ChangesTo(after);

        Assert.Equal(NoticeChanges.Schedule | NoticeChanges.Impact, changes);
        Assert.Equal("the schedule, the impact", NoticeCards.DescribeChanges(changes, Texts.English));
        Assert.Equal(NoticeChanges.None, before.ChangesTo(before with { }));
    }

    [Fact]
    public void AnEditFormReproducesTheNoticeItCameFrom()
    {
        var notice = NoticeCardSamples.SampleNotice();

        var form = NoticeForm.FromNotice(notice, new Dictionary<string, string>());

        Assert.Equal(("2026-11-30", "18:00", "2026-11-30", "20:00"), (form.StartDate, form.StartTime, form.EndDate, form.EndTime));
        Assert.Equal("SCI,MATH", form.Departments);
        Assert.Equal("https://help.example.org/gradebook/training", form.Links);
    }
}
