using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Calendar;

/// <summary>The handlers of <c>calendar</c> and its cards. The dispatcher has checked the caller is an administrator.</summary>
public sealed partial class CalendarDesk(SchoolCalendars calendars, FileDownloads downloads, TimeProvider clock, ILogger<CalendarDesk> logger)
{
    /// <summary><c>calendar</c>: the overview card.</summary>
    public async Task ShowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var card = CalendarCards.Overview(calendar, clock.GetUtcNow(), command.Texts);
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Calendar_Title), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> OverviewAsync(CardActionContext action, string? notice, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(CalendarCards.Overview(calendar, clock.GetUtcNow(), action.Texts, notice));
    }

    /// <summary>The first tap of a snow day: the confirmation, naming today in the district's zone.</summary>
    public async Task<CardActionResult> AskClosureAsync(CardAction<NoData> action, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(CalendarCards.ConfirmClosure(CalendarZones.DateOf(clock.GetUtcNow(), calendar.ZoneId), action.Texts));
    }

    /// <summary>The second tap: closes the day the confirmation named, if it is still today; open promises follow.</summary>
    public async Task<CardActionResult> CloseTodayAsync(CardAction<CloseTodayData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var today = CalendarZones.DateOf(now, calendar.ZoneId);
        var day = PeopleTime.Day(today, texts);
        if (!DateOnly.TryParseExact(action.Data.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) || asked != today)
        {
            return await OverviewAsync(action, texts.Calendar_ConfirmStale(action.Data.Date), cancellationToken).ConfigureAwait(false);
        }
        var reason = string.IsNullOrWhiteSpace(action.Data.Reason) ? texts.Calendar_SnowDayName : action.Data.Reason.Trim();
        var result = await calendars.ChangeAsync(c => c.IsClosed(today)
            ? Decision.Refuse<SchoolCalendar>(texts.Calendar_AlreadyClosed(day))
            : Decision.Write(c.WithClosure(new CalendarClosure(today, reason))), now, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == UpdateOutcome.Contended)
        {
            return CardActionResult.ChangedMeanwhile;
        }
        LogClosed(logger, result.Written);
        return await OverviewAsync(action, result.Refusal ?? texts.Calendar_Closed(day), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> WindowFormAsync(CardAction<NoData> action, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(CalendarCards.WindowForm(new WindowFormData(), new Dictionary<string, string>(), calendar.ZoneId, action.Texts));
    }

    /// <summary>Adds a window, or shows the form again with each error under its field.</summary>
    public async Task<CardActionResult> AddWindowAsync(CardAction<WindowFormData> action, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var (window, errors) = CalendarWindowForm.Validate(action.Data, calendar.ZoneId, action.Texts);
        if (window is null)
        {
            return CardActionResult.WithCard(CalendarCards.WindowForm(action.Data, errors, calendar.ZoneId, action.Texts));
        }
        var result = await calendars.ChangeAsync(c => Decision.Write(c with { Windows = [.. c.Windows, window] }), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return result.Written
            ? await OverviewAsync(action, action.Texts.Calendar_WindowAdded(window.Name), cancellationToken).ConfigureAwait(false)
            : CardActionResult.ChangedMeanwhile;
    }

    public async Task<CardActionResult> RemoveWindowAsync(CardAction<WindowRefData> action, CancellationToken cancellationToken)
    {
        CalendarWindow? removed = null;
        var result = await calendars.ChangeAsync(c =>
        {
            removed = c.Windows.FirstOrDefault(w => w.Id == action.Data.WindowId);
            return removed is null ? Decision.Keep<SchoolCalendar>() : Decision.Write(c with { Windows = [.. c.Windows.Where(w => w.Id != removed.Id)] });
        }, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == UpdateOutcome.Contended)
        {
            return CardActionResult.ChangedMeanwhile;
        }
        return removed is null
            ? CardActionResult.NotFound
            : await OverviewAsync(action, action.Texts.Calendar_WindowRemoved(removed.Name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a pasted .ics into closures, breaks and windows, adds what is new, and answers with the overview and a count.</summary>
    public async Task<CardActionResult> ImportAsync(CardAction<IcsImportData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var ics = action.Data.Ics;
        if (string.IsNullOrWhiteSpace(ics) && !string.IsNullOrWhiteSpace(action.Data.Url))
        {
            // A link typed by the administrator: https only, size- and time-limited, like a file sent in the chat.
            var (downloaded, problem) = Uri.TryCreate(action.Data.Url.Trim(), UriKind.Absolute, out var url)
                ? await downloads.ReadTextAsync(url, cancellationToken).ConfigureAwait(false)
                : DownloadedText.Refused(DownloadProblem.NotHttps);
            if (downloaded is null)
            {
                return CardActionResult.WithCard(CalendarCards.ImportForm(texts, CalendarCards.FileProblem(texts, problem, downloads.MaxKilobytes)));
            }
            ics = downloaded;
        }
        if (string.IsNullOrWhiteSpace(ics))
        {
            return CardActionResult.WithCard(CalendarCards.ImportForm(texts, texts.Calendar_ImportMissing));
        }
        var (card, invalid) = await ImportTextAsync(ics, texts, cancellationToken).ConfigureAwait(false);
        return invalid ? CardActionResult.WithCard(CalendarCards.ImportForm(texts, texts.Calendar_ImportInvalid))
            : card is null ? CardActionResult.ChangedMeanwhile
            : CardActionResult.WithCard(card);
    }

    /// <summary>
    /// The import itself, for pasted text and files alike: the overview with the counts; <c>Invalid</c> when the text is no
    /// calendar; no card when the calendar changed meanwhile.
    /// </summary>
    public async Task<(AdaptiveCard? Card, bool Invalid)> ImportTextAsync(string ics, Texts texts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        if (IcsImport.Read(ics, calendar.ZoneId, now) is not { } imported)
        {
            return (null, true);
        }
        var result = await calendars.ChangeAsync(c => Decision.Write(imported.MergeInto(c)), now, cancellationToken).ConfigureAwait(false);
        if (result is not { Written: true, Change: { } merged })
        {
            return (null, false);
        }
        LogImported(logger, imported.Closures.Count, imported.Breaks.Count, imported.Windows.Count, imported.Skipped);
        var counts = texts.Calendar_Imported(imported.Closures.Count, imported.Breaks.Count, imported.Windows.Count, imported.Skipped);
        return (CalendarCards.Overview(merged, now, texts, counts), false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An administrator closed school today (written: {Written})")]
    private static partial void LogClosed(ILogger logger, bool written);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported a calendar: {Closures} closures, {Breaks} breaks, {Windows} windows, {Skipped} events skipped")]
    private static partial void LogImported(ILogger logger, int closures, int breaks, int windows, int skipped);
}
