using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Surveys;

/// <summary>What the author sees before sending: the template picker, the composer and the preview.</summary>
public static class SurveyAuthorCards
{
    /// <summary>The first card of <c>survey</c>: a template for each stage of a rollout, or a blank survey.</summary>
    public static AdaptiveCard Templates(Texts texts) => new(
        [
            new TextBlock(texts.Survey_ComposerTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            new TextBlock(texts.Survey_TemplatesIntro) { Wrap = true },
            new ChoiceSetInput("template", [.. SurveyTemplates.Names.Select(n => new Choice(texts[SurveyTemplates.NameKey(n)], n)), new Choice(texts.Survey_Template_Blank, "blank")])
            {
                Label = texts.Survey_TemplateLabel,
                Style = ChoiceInputStyle.Expanded,
                Value = SurveyTemplates.Names[0],
            },
        ])
    {
        Actions = [new ExecuteAction(texts.Survey_UseTemplate, SurveyVerbs.Template) { Style = ActionStyle.Positive }],
        FallbackText = texts.Survey_ComposerTitle,
    };

    /// <summary>The composer, filled with a template or the last attempt; <paramref name="error"/> says what to fix.</summary>
    public static AdaptiveCard Composer(Texts texts, DateOnly defaultCloseDate, SurveyComposerData values, string? error = null) => new(
        [
            new TextBlock(texts.Survey_ComposerTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            .. error is null ? Enumerable.Empty<CardElement>() : [new TextBlock(CardText.Escape(error)) { Color = TextColor.Attention, Wrap = true }],
            new TextInput("title") { Label = texts.Survey_TitleLabel, IsRequired = true, ErrorMessage = texts.Survey_Error_Title, MaxLength = SurveyLimits.MaxTitleLength, Value = Clean(values.Title) },
            new TextInput("intro") { Label = texts.Survey_IntroLabel, IsMultiline = true, MaxLength = SurveyLimits.MaxIntroLength, Value = Clean(values.Intro) },
            new TextInput("questions") { Label = texts.Survey_QuestionsLabel, IsMultiline = true, IsRequired = true, ErrorMessage = texts.Survey_Error_QuestionCount, Value = Clean(values.Questions) },
            new TextBlock(texts.Survey_QuestionsHelp) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new ToggleInput("anonymous", texts.Survey_AnonymousToggle) { ValueOn = "true", ValueOff = "false", Value = values.Anonymous == "true" ? "true" : "false", Wrap = true },
            new ChoiceSetInput(
                "breakdown",
                new Choice(texts.Survey_BreakdownNone, nameof(SurveyGrouping.None)),
                new Choice(texts.Survey_ByDepartment, nameof(SurveyGrouping.Department)),
                new Choice(texts.Survey_ByRole, nameof(SurveyGrouping.Role))) { Label = texts.Survey_BreakdownLabel, Value = values.Breakdown ?? nameof(SurveyGrouping.None) },
            new DateInput("closeDate") { Label = texts.Survey_CloseDateLabel, IsRequired = true, ErrorMessage = texts.Survey_Error_Closing, Value = defaultCloseDate },
            new TimeInput("closeTime") { Label = texts.Survey_CloseTimeLabel, Value = new TimeOnly(17, 0) },
            new ChoiceSetInput(
                "audienceKind",
                new Choice(texts.Survey_AudienceEveryone, nameof(AudienceKind.Everyone)),
                new Choice(texts.Survey_AudienceDepartments, nameof(AudienceKind.Departments)),
                new Choice(texts.Survey_AudienceRoles, nameof(AudienceKind.Roles)),
                new Choice(texts.Survey_AudiencePeople, nameof(AudienceKind.People))) { Label = texts.Survey_AudienceLabel, Value = values.AudienceKind ?? nameof(AudienceKind.Everyone) },
            new TextInput("audienceValues") { Label = texts.Survey_AudienceValuesLabel, Placeholder = texts.Survey_AudienceValuesHint, Value = Clean(values.AudienceValues) },
        ])
    {
        Actions = [new ExecuteAction(texts.Survey_PreviewButton, SurveyVerbs.Preview) { Style = ActionStyle.Positive }],
        FallbackText = texts.Survey_ComposerTitle,
    };

    /// <summary>The preview: the survey as recipients will see it, what it does, and Send.</summary>
    public static AdaptiveCard Preview(Survey survey, int reachable, Texts texts, TimeZoneInfo timeZone) => new(
        [
            new TextBlock(texts.Survey_PreviewTitle) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true },
            new Container([.. SurveyCards.Form(survey, survey.AuthorUserId, texts, timeZone).Body]) { Style = ContainerStyle.Emphasis },
            new FactSet(
                new Fact(texts.Survey_FactAnonymous, texts[survey.Spec.Anonymous ? TextKeys.Survey_Yes : TextKeys.Survey_No]),
                new Fact(texts.Survey_FactBreakdown, texts[BreakdownKey(survey.Spec.Grouping)]),
                new Fact(texts.Survey_FactAudience, texts.Survey_Reachable(reachable)),
                new Fact(texts.Survey_FactEstimate, SurveyTiming.Format(SurveyTiming.Estimate(survey.Spec.Questions)))),
        ])
    {
        Actions = [new ExecuteAction(texts.Survey_SendButton, SurveyVerbs.Send) { Data = new SurveyRef(survey.Id), Style = ActionStyle.Positive }],
        FallbackText = texts.Survey_PreviewTitle,
    };

    internal static string BreakdownKey(SurveyGrouping grouping) => grouping switch
    {
        SurveyGrouping.Department => TextKeys.Survey_ByDepartment,
        SurveyGrouping.Role => TextKeys.Survey_ByRole,
        _ => TextKeys.Survey_BreakdownNone,
    };

    internal static string Number(double value, Texts texts) => value.ToString("0.0", texts.Culture);

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => text is null ? null : CardText.Clean(text);
}
