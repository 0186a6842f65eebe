using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Calendar;

/// <summary>
/// The administrators' <c>calendar</c>: this week and what is coming at a glance, a snow day in two taps, windows added
/// and removed, and an .ics import. The calendar itself, and school-time arithmetic, is the core in <c>TeamsEngage.Calendar</c>.
/// </summary>
public static class CalendarFeature
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarDesk>();
        services.AddSingleton<CalendarSettingsDesk>();
        services.AddSingleton<IFileReceiver, CalendarIcsFiles>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<CalendarDesk>(BotCommands.Calendar, (command, desk, ct) => desk.ShowAsync(command, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Calendar_WindowGone, Refused: TextKeys.Calendar_Refused, ChangedMeanwhile: TextKeys.Calendar_ChangedMeanwhile))
            .Map<NoData, CalendarDesk>(CalendarVerbs.Show, Who.Administrators, (action, desk, ct) => desk.OverviewAsync(action, null, ct))
            .Map<NoData, CalendarDesk>(CalendarVerbs.AskClosure, Who.Administrators, (action, desk, ct) => desk.AskClosureAsync(action, ct))
            .Map<CloseTodayData, CalendarDesk>(CalendarVerbs.Close, Who.Administrators, (action, desk, ct) => desk.CloseTodayAsync(action, ct))
            .Map<NoData, CalendarDesk>(CalendarVerbs.WindowForm, Who.Administrators, (action, desk, ct) => desk.WindowFormAsync(action, ct))
            .Map<WindowFormData, CalendarDesk>(CalendarVerbs.AddWindow, Who.Administrators, (action, desk, ct) => desk.AddWindowAsync(action, ct))
            .Map<WindowRefData, CalendarDesk>(CalendarVerbs.RemoveWindow, Who.Administrators, (action, desk, ct) => desk.RemoveWindowAsync(action, ct))
            .Map<NoData, CalendarDesk>(CalendarVerbs.ImportForm, Who.Administrators, (action, _, _) => Task.FromResult(CardActionResult.WithCard(CalendarCards.ImportForm(action.Texts))))
            .Map<IcsImportData, CalendarDesk>(CalendarVerbs.Import, Who.Administrators, (action, desk, ct) => desk.ImportAsync(action, ct))
            .Map<SettingsRefData, CalendarSettingsDesk>(CalendarVerbs.SettingsForm, Who.Administrators, (action, desk, ct) => desk.FormAsync(action, ct))
            .Map<SettingsFormData, CalendarSettingsDesk>(CalendarVerbs.SaveSettings, Who.Administrators, (action, desk, ct) => desk.SaveAsync(action, ct));
        return app;
    }
}
