using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Anonymity;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Reporting;
using TeamsEngage.Storage;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Surveys;

/// <summary>Pulse surveys: what the feature registers, and everything it answers.</summary>
public static class SurveysFeature
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SurveysOptions>().BindConfiguration(SurveysOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoreTable(SurveyStore.SurveysTable);
        services.AddStoreTable(SurveyStore.RecipientsTable);
        services.AddStoreTable(SurveyStore.AnswersTable);
        services.AddSingleton<SurveyStore>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<SurveyLinks>();
        services.AddSingleton<SurveyMasking>();
        services.AddSingleton<SurveyResultsBuilder>();
        services.AddSingleton<ISurveyReports, SurveyReports>();
        services.AddSingleton<SurveyDrafts>();
        services.AddSingleton<SurveyAuthorDesk>();
        services.AddSingleton<SurveyRespondentDesk>();
        services.AddSingleton<IEntityAccess<Survey>, SurveyAuthorAccess>();
        services.AddSingleton<IEntityAccess<SurveyBallot>, SurveyBallotAccess>();
        services.AddSingleton<SurveyBroadcastAudience>();
        services.AddSingleton<IBroadcastAudience>(sp => sp.GetRequiredService<SurveyBroadcastAudience>());
        services.AddSingleton<IOutboxRenderer, SurveyCardRenderer>();
        services.AddSingleton<IOutboxRenderer, SurveyReminderRenderer>();
        services.AddSingleton<SurveyFindingsDesk>();
        services.AddSingleton<IOutboxRenderer, SurveyFindingsRenderer>();
        Asking.FindingsAudience.Register(services, SurveyFindingsDesk.AudienceKind);
        services.AddSingleton<SurveyCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyCloser>());
        services.AddSingleton<SurveyPersonalData>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<SurveyPersonalData>());
        services.AddSingleton<IRetainedData>(sp => sp.GetRequiredService<SurveyPersonalData>());
        return services;
    }

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<SurveyDrafts>(BotCommands.Survey, (command, drafts, ct) => drafts.StartAsync(command, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Survey_Refused_Unknown, Refused: TextKeys.Survey_Refused_Staff, ChangedMeanwhile: TextKeys.Survey_ChangedMeanwhile, NotYours: TextKeys.Survey_Refused_NotAuthor))
            .Map<TemplateData, SurveyDrafts>(SurveyVerbs.Template, Who.Staff, (action, drafts, _) => drafts.TemplateAsync(action))
            .Map<SurveyComposerData, SurveyDrafts>(SurveyVerbs.Preview, Who.Staff, (action, drafts, ct) => drafts.PreviewAsync(action, ct))
            .Map<SurveyRef, Survey, SurveyAuthorDesk>(SurveyVerbs.Send, Who.Staff, d => d.SurveyId, (action, desk, ct) => desk.SendAsync(action.Entity, action, ct))
            .Map<SurveyResultsData, Survey, SurveyAuthorDesk>(SurveyVerbs.Results, Who.Staff, d => d.SurveyId, (action, desk, ct) => desk.ResultsAsync(action.Entity, action, ct))
            .Map<SurveyRef, Survey, SurveyAuthorDesk>(SurveyVerbs.Close, Who.Staff, d => d.SurveyId, (action, desk, ct) => desk.CloseAsync(action.Entity, action, ct))
            .Map<SurveyRef, Survey, SurveyAuthorDesk>(SurveyVerbs.Remind, Who.Staff, d => d.SurveyId, (action, desk, ct) => desk.RemindAsync(action.Entity, action, ct))
            .Map<SurveyRef, Survey, SurveyAuthorDesk>(SurveyVerbs.RemindGroups, Who.Staff, d => d.SurveyId, (action, desk, ct) => desk.RemindGroupsAsync(action.Entity, action, ct))
            .Map<SurveyFindingsData, Survey, SurveyFindingsDesk>(SurveyVerbs.Findings, Who.Staff, d => d.SurveyId, (action, desk, _) => Task.FromResult(desk.Compose(action.Entity, action)))
            .Map<SurveyFindingsData, Survey, SurveyFindingsDesk>(SurveyVerbs.FindingsPreview, Who.Staff, d => d.SurveyId, (action, desk, ct) => desk.PreviewAsync(action.Entity, action, ct))
            .Map<SurveyFindingsData, Survey, SurveyFindingsDesk>(SurveyVerbs.FindingsSend, Who.Staff, d => d.SurveyId, (action, desk, ct) => desk.ShareAsync(action.Entity, action, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Survey_Refused_Unknown, Refused: TextKeys.Survey_Refused_NotSent, ChangedMeanwhile: TextKeys.Survey_ChangedMeanwhile, NotYours: TextKeys.Survey_Refused_NotYours))
            .Map<SurveyRef, SurveyBallot, SurveyRespondentDesk>(SurveyVerbs.Answer, Who.Everyone, d => d.SurveyId, (action, desk, ct) => desk.AnswerAsync(action.Entity, action, ct))
            .Map<SurveyRef, SurveyBallot, SurveyRespondentDesk>(SurveyVerbs.Change, Who.Everyone, d => d.SurveyId, (action, desk, ct) => desk.ChangeAsync(action.Entity, action, ct));

        // The CSV export, reachable only through a signed link that expires.
        app.MapGet("/surveys/{surveyId}/export.csv", ExportAsync);
        return app;
    }

    private static async Task<IResult> ExportAsync(string surveyId, string? tenant, string? exp, string? sig, string? lang, SurveyLinks links, SurveyStore surveys, SurveyResultsBuilder results, IOptions<AnonymityOptions> anonymity, CancellationToken cancellationToken)
    {
        if (await links.ValidTenantAsync(surveyId, tenant, exp, sig, cancellationToken).ConfigureAwait(false) is not { } tenantId)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        using var scope = TenantScope.Enter(tenantId);
        if (await surveys.FindAsync(surveyId, cancellationToken).ConfigureAwait(false) is not { Status: not SurveyStatus.Draft } survey)
        {
            return TypedResults.NotFound();
        }
        var texts = Texts.For(lang);
        var csv = SurveyCsv.Build(survey, await results.ResultsAsync(survey, null, texts, cancellationToken).ConfigureAwait(false), texts, anonymity.Value.MinGroupSize);
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"survey-{survey.Id}.csv");
    }
}
