using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Surveys;

/// <summary>The cards respondents see: every question in one card, their saved answers, and the closed survey.</summary>
public static class SurveyCards
{
    /// <summary>The input id of question <paramref name="index"/>.</summary>
    public static string InputId(int index) => "q" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The survey to answer; with <paramref name="current"/>, the form to change those answers.</summary>
    public static AdaptiveCard Form(Survey survey, string recipientUserId, Texts texts, TimeZoneInfo timeZone, SurveyAnswer? current = null, string? error = null) =>
        new([
            .. Header(survey, texts, timeZone),
            .. error is null ? Enumerable.Empty<CardElement>() : [new TextBlock(error) { Color = TextColor.Attention, Wrap = true }],
            .. survey.Spec.Questions.SelectMany((q, i) => Input(q, i, texts, current is not null && i < current.Values.Count ? current.Values[i] : null)),
        ])
        {
            Actions = [new ExecuteAction(texts[current is null ? TextKeys.Survey_Submit : TextKeys.Survey_SaveChanges], SurveyVerbs.Answer) { Data = new SurveyRef(survey.Id, recipientUserId), Style = ActionStyle.Positive }],
            FallbackText = texts.Survey_Title,
        };

    /// <summary>The card of someone who answered: the confirmation, how many questions they answered, and "Change my answers".</summary>
    public static AdaptiveCard Answered(Survey survey, string userId, SurveyAnswer answer, Texts texts, TimeZoneInfo timeZone) =>
        new([
            .. Header(survey, texts, timeZone),
            new TextBlock(texts.Survey_Thanks) { Weight = TextWeight.Bolder, Color = TextColor.Good, Wrap = true, Spacing = Spacing.Medium },
            new TextBlock(texts.Survey_Progress(answer.Values.Count(v => !string.IsNullOrWhiteSpace(v)), survey.Spec.Questions.Count)) { Wrap = true, IsSubtle = true },
        ])
        {
            Actions = [new ExecuteAction(texts.Survey_ChangeAnswers, SurveyVerbs.Change) { Data = new SurveyRef(survey.Id, userId) }],
            FallbackText = texts.Survey_Title,
        };

    /// <summary>The closed survey, as every delivered card becomes.</summary>
    public static AdaptiveCard Closed(Survey survey, Texts texts, TimeZoneInfo timeZone) =>
        new([.. Header(survey, texts, timeZone)]) { FallbackText = texts.Survey_Title };

    /// <summary>The title, intro, estimated time, closing time and, for anonymous surveys, what that means.</summary>
    internal static IEnumerable<CardElement> Header(Survey survey, Texts texts, TimeZoneInfo timeZone)
    {
        yield return new TextBlock(texts.Survey_Title) { Size = TextSize.Small, Weight = TextWeight.Bolder, IsSubtle = true, Style = TextBlockStyle.Heading };
        yield return CardText.UserText(survey.Spec.Title);
        if (survey.Spec.Intro.Length > 0)
        {
            yield return CardText.UserText(survey.Spec.Intro, SurveyLimits.MaxIntroLength, isSubtle: true);
        }
        yield return new TextBlock(texts.Survey_Estimate(SurveyTiming.Format(SurveyTiming.Estimate(survey.Spec.Questions)), survey.Spec.Questions.Count)) { IsSubtle = true, Size = TextSize.Small, Wrap = true };
        var closing = survey.Status == SurveyStatus.Closed ? texts.Survey_IsClosed : texts.Survey_ClosesAt(PeopleTime.Moment(survey.Spec.ClosesAt, timeZone, texts));
        yield return new TextBlock(closing) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
        if (survey.Spec.Anonymous)
        {
            yield return new TextBlock(texts.Survey_AnonymousNote) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };
        }
    }

    private static IEnumerable<CardElement> Input(SurveyQuestion question, int index, Texts texts, string? value)
    {
        var label = $"{index + 1}. {CardText.Clean(question.Text)}";
        if (question.Kind == QuestionKind.Text)
        {
            yield return new TextInput(InputId(index)) { Label = label, IsMultiline = true, MaxLength = SurveyLimits.MaxTextAnswerLength, IsRequired = question.Required, ErrorMessage = texts.Survey_RequiredError, Value = value is null ? null : CardText.Clean(value) };
            yield break;
        }
        yield return new ChoiceSetInput(InputId(index), Choices(question, texts))
        {
            Label = label,
            Style = question.Kind == QuestionKind.Likelihood ? ChoiceInputStyle.Compact : ChoiceInputStyle.Expanded,
            IsMultiSelect = question.Kind == QuestionKind.Multiple ? true : null,
            IsRequired = question.Required,
            ErrorMessage = texts.Survey_RequiredError,
            Value = value,
            Wrap = true,
        };
    }

    private static List<Choice> Choices(SurveyQuestion question, Texts texts) => question.Kind switch
    {
        QuestionKind.Rating => [.. question.Options.Select((label, i) => new Choice($"{i + 1} · {CardText.Escape(label)}", (i + 1).ToString(CultureInfo.InvariantCulture)))],
        QuestionKind.Likelihood => [.. Enumerable.Range(0, 11).Select(n => new Choice(
            n switch { 0 => texts.Survey_LikelihoodLow(n), 10 => texts.Survey_LikelihoodHigh(n), _ => n.ToString(CultureInfo.InvariantCulture) },
            n.ToString(CultureInfo.InvariantCulture)))],
        _ => [.. question.Options.Select((o, i) => new Choice(CardText.Escape(o), i.ToString(CultureInfo.InvariantCulture)))],
    };
}
