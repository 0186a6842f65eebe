using TeamsEngage.Cards;
using TeamsEngage.Outcomes;
using TeamsEngage.Bot;
using System.Globalization;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>The outcome of checking a composer form: the notice content, or what to fix (localized).</summary>
public sealed record NoticeValidation(NoticeContent? Content, IReadOnlyList<string> Errors)
{
    public bool IsValid => Content is not null;
}

/// <summary>Checks a composer form and resolves its audience against the directory.</summary>
public sealed class NoticeValidator(IPeopleDirectory directory, IFeedbackOutcomes? feedback = null)
{
    public const int MaxLinks = 5;
    public const int MaxImageLink = 2000;
    public const int MaxAnswers = 10;

    public async Task<NoticeValidation> ValidateAsync(NoticeForm form, Texts texts, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        RequireText(form.Title, NoticeForm.TitleMax, TextKeys.Notice_Field_Title, texts, errors);
        RequireText(form.What, NoticeForm.TextMax, TextKeys.Notice_Field_What, texts, errors);
        if (form.Why.Length > NoticeForm.TextMax)
        {
            errors.Add(texts.Notice_Error_TooLong(texts.Notice_Field_Why, NoticeForm.TextMax));
        }
        var window = ValidateWindow(form, texts, errors);
        var impact = Enum.TryParse<NoticeImpact>(form.Impact, ignoreCase: true, out var i) && Enum.IsDefined(i) ? i : (NoticeImpact?)null;
        if (impact is null)
        {
            errors.Add(texts.Notice_Error_Impact);
        }
        var links = ValidateLinks(form.Links, texts, errors);
        var image = ValidateImage(form.Image, texts, errors);
        var audience = await ValidateAudienceAsync(form, texts, errors, cancellationToken).ConfigureAwait(false);
        var answers = await ValidateAnswersAsync(form.Answers, texts, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0 || window is null || impact is null || audience is null)
        {
            return new NoticeValidation(null, errors);
        }
        return new NoticeValidation(new NoticeContent(form.Title, form.What, form.Why, window, impact.Value, audience, links, form.Ack, answers.Count == 0 ? null : answers, form.Urgent, image), []);
    }

    /// <summary>
    /// The feedback items a notice answers: ids that exist, at most <see cref="MaxAnswers"/>. Closed ones are accepted (sending
    /// plans only open ones), so a sent notice stays editable after its items are done.
    /// </summary>
    private async Task<List<string>> ValidateAnswersAsync(string text, Texts texts, List<string> errors, CancellationToken cancellationToken)
    {
        var ids = NoticeForm.SplitList(text ?? "").Select(id => id.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > MaxAnswers)
        {
            errors.Add(texts.Notice_Error_TooManyAnswers(MaxAnswers));
            return [];
        }
        foreach (var id in ids)
        {
            if (feedback is null || await feedback.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                errors.Add(texts.Notice_Error_UnknownAnswer(CardText.Escape(id)));
            }
        }
        return ids;
    }

    /// <summary>Checks only the schedule window (the reschedule card).</summary>
    public static NoticeWindow? ValidateWindow(NoticeForm form, Texts texts, List<string> errors)
    {
        var zone = PeopleTime.Find(form.TimeZone);
        if (zone is null)
        {
            errors.Add(texts.Notice_Error_TimeZone);
        }
        var start = ParseInstant(form.StartDate, form.StartTime, zone, TextKeys.Notice_Field_Start, texts, errors);
        var end = ParseInstant(form.EndDate, form.EndTime, zone, TextKeys.Notice_Field_End, texts, errors);
        if (start is null || end is null || zone is null)
        {
            return null;
        }
        if (end <= start)
        {
            errors.Add(texts.Notice_Error_EndBeforeStart);
            return null;
        }
        return new NoticeWindow(start.Value, end.Value, form.TimeZone);
    }

    /// <summary>A date and time typed in a zone, as an instant; null with an error when missing, malformed or non-existent.</summary>
    public static DateTimeOffset? ParseInstant(string date, string time, TimeZoneInfo? zone, string fieldKey, Texts texts, List<string> errors)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            errors.Add(texts.Notice_Error_DateTime(texts[fieldKey]));
            return null;
        }
        if (zone is null)
        {
            return null;
        }
        var instant = PeopleTime.ToInstant(d, t, zone);
        if (instant is null)
        {
            errors.Add(texts.Notice_Error_NoSuchTime(texts[fieldKey]));
        }
        return instant;
    }

    private static void RequireText(string value, int max, string fieldKey, Texts texts, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(texts.Notice_Error_Required(texts[fieldKey]));
        }
        else if (value.Length > max)
        {
            errors.Add(texts.Notice_Error_TooLong(texts[fieldKey], max));
        }
    }

    /// <summary>The optional banner image: one https link (Teams fetches it when it shows the card).</summary>
    private static Uri? ValidateImage(string text, Texts texts, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (text.Length <= MaxImageLink && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host) && !text.Any(char.IsWhiteSpace))
        {
            return uri;
        }
        errors.Add(texts.Notice_Error_Image(Shown(text)));
        return null;
    }

    private static List<Uri> ValidateLinks(string text, Texts texts, List<string> errors)
    {
        var links = new List<Uri>();
        var entries = text.Split([' ', '\n', '\r', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        foreach (var entry in entries)
        {
            if (Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host))
            {
                links.Add(uri);
            }
            else
            {
                errors.Add(texts.Notice_Error_Link(Shown(entry)));
            }
        }
        if (links.Count > MaxLinks)
        {
            errors.Add(texts.Notice_Error_TooManyLinks(MaxLinks));
        }
        return links;
    }

    private async Task<Audience?> ValidateAudienceAsync(NoticeForm form, Texts texts, List<string> errors, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AudienceKind>(form.Audience, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add(texts.Notice_Error_Audience);
            return null;
        }
        return kind switch
        {
            AudienceKind.Everyone => Audience.Everyone,
            AudienceKind.Departments => await DepartmentsAsync(form.Departments, texts, errors, cancellationToken).ConfigureAwait(false),
            AudienceKind.Roles => Roles(form.Roles, texts, errors),
            _ => await PilotAsync(form.Pilot, texts, errors, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<Audience?> DepartmentsAsync(string text, Texts texts, List<string> errors, CancellationToken cancellationToken)
    {
        var codes = new List<string>();
        foreach (var code in NoticeForm.SplitList(text))
        {
            var department = await directory.FindDepartmentAsync(code, cancellationToken).ConfigureAwait(false);
            if (department is null)
            {
                errors.Add(texts.Notice_Error_UnknownDepartment(Shown(code)));
            }
            else if (!codes.Contains(department.Code, StringComparer.Ordinal))
            {
                codes.Add(department.Code);
            }
        }
        return Require(new Audience(AudienceKind.Departments, codes), TextKeys.Notice_Error_NoDepartments, texts, errors);
    }

    private static Audience? Roles(string text, Texts texts, List<string> errors)
    {
        var roles = new List<string>();
        foreach (var value in NoticeForm.SplitList(text))
        {
            if (Enum.TryParse<Role>(value, ignoreCase: true, out var role) && Enum.IsDefined(role))
            {
                roles.Add(role.ToString());
            }
            else
            {
                errors.Add(texts.Notice_Error_UnknownRole(Shown(value)));
            }
        }
        return Require(new Audience(AudienceKind.Roles, [.. roles.Distinct(StringComparer.Ordinal)]), TextKeys.Notice_Error_NoRoles, texts, errors);
    }

    private async Task<Audience?> PilotAsync(string text, Texts texts, List<string> errors, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        List<Person>? everyone = null;
        foreach (var entry in NoticeForm.SplitList(text))
        {
            Person? person;
            if (entry.Contains('@', StringComparison.Ordinal))
            {
                person = await directory.FindByEmailAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                everyone ??= await directory.ListPeopleAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
                var matches = everyone.Where(p => string.Equals(p.Name, entry, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                person = matches.Count == 1 ? matches[0] : null;
                if (matches.Count > 1)
                {
                    errors.Add(texts.Notice_Error_AmbiguousPerson(Shown(entry)));
                    continue;
                }
            }
            if (person is null)
            {
                errors.Add(texts.Notice_Error_UnknownPerson(Shown(entry)));
            }
            else if (!keys.Contains(person.Key, StringComparer.Ordinal))
            {
                keys.Add(person.Key);
            }
        }
        return Require(new Audience(AudienceKind.People, keys), TextKeys.Notice_Error_NoPeople, texts, errors);
    }

    private static Audience? Require(Audience audience, string emptyKey, Texts texts, List<string> errors)
    {
        if (audience.Values.Count == 0)
        {
            errors.Add(texts[emptyKey]);
            return null;
        }
        return audience;
    }

    // Error lines are shown through CardText.UserText, so the typed value is never interpreted; only its length is bounded here.
    private static string Shown(string value) => Cards.CardText.Truncate(value, 80);
}
