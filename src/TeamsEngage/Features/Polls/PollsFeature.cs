using TeamsEngage.Asking;
using TeamsEngage.Localization;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Outbox;
using TeamsEngage.Reporting;
using TeamsEngage.People;
using TeamsEngage.Storage;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Polls;

/// <summary>Quick polls: what the feature registers, and everything it answers.</summary>
public static class PollsFeature
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PollsOptions>().BindConfiguration(PollsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoreTable(PollStore.PollsTable);
        services.AddStoreTable(PollStore.RecipientsTable);
        services.AddStoreTable(VoteStore.TableName);
        services.AddSingleton<PollStore>();
        services.AddSingleton<VoteStore>();
        services.AddSingleton<PollLinks>();
        services.AddSingleton<PollService>();
        services.AddSingleton<PersonalPollView>();
        services.AddSingleton<PollResultsBuilder>();
        services.AddSingleton<PollDrafts>();
        services.AddSingleton<PollList>();
        services.AddSingleton<PollAuthorDesk>();
        services.AddSingleton<PollBallotBox>();
        services.AddSingleton<PollRecipientRoll>();
        services.AddSingleton<IPollGroupReminders, PollGroupReminders>();
        services.AddSingleton<IEntityAccess<Poll>, PollAuthorAccess>();
        services.AddSingleton<IEntityAccess<PollBallot>, PollBallotAccess>();
        services.AddSingleton<PollCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<PollCloser>());
        services.AddSingleton<IOutboxRenderer, PollCardRenderer>();
        services.AddSingleton<IOutboxRenderer, PollReminderRenderer>();
        services.AddSingleton<PollFindingsDesk>();
        FindingsAudience.Register(services, PollFindingsDesk.AudienceKind);
        services.AddSingleton<IOutboxRenderer, PollFindingsRenderer>();
        services.AddSingleton<PollBroadcastAudience>();
        services.AddSingleton<IBroadcastAudience>(sp => sp.GetRequiredService<PollBroadcastAudience>());
        services.AddSingleton<PollPersonalData>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<PollPersonalData>());
        services.AddSingleton<IRetainedData>(sp => sp.GetRequiredService<PollPersonalData>());
        return services;
    }

    public static IEndpointRouteBuilder MapPolls(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<PollDrafts>(BotCommands.Poll, (command, drafts, ct) => drafts.StartAsync(command, ct));
        bot.MapCommand<PollList>(BotCommands.Polls, (command, list, ct) => list.ShowAsync(command, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Poll_Refused_Unknown, Refused: TextKeys.Poll_Refused_Staff, ChangedMeanwhile: TextKeys.Poll_ChangedMeanwhile, NotYours: TextKeys.Poll_Refused_NotAuthor))
            .Map<ComposerData, PollDrafts>(PollVerbs.Preview, Who.Staff, (action, drafts, ct) => drafts.PreviewAsync(action, ct))
            .Map<PollRef, Poll, PollDrafts>(PollVerbs.Edit, Who.Staff, d => d.PollId, (action, drafts, _) => Task.FromResult(drafts.Edit(action.Entity, action)))
            .Map<ComposerData, Poll, PollDrafts>(PollVerbs.Revise, Who.Staff, d => d.PollId, (action, drafts, ct) => drafts.ReviseAsync(action.Entity, action, ct))
            .Map<PollRef, Poll, PollDrafts>(PollVerbs.Discard, Who.Staff, d => d.PollId, (action, drafts, ct) => drafts.DiscardAsync(action.Entity, action, ct))
            .Map<PollRef, Poll, PollAuthorDesk>(PollVerbs.Send, Who.Staff, d => d.PollId, (action, desk, ct) => desk.SendAsync(action.Entity, action, ct))
            .Map<ResultsData, Poll, PollAuthorDesk>(PollVerbs.Results, Who.Staff, d => d.PollId, (action, desk, ct) => desk.ResultsAsync(action.Entity, action, ct))
            .Map<PollRef, Poll, PollAuthorDesk>(PollVerbs.Close, Who.Staff, d => d.PollId, (action, desk, ct) => desk.CloseAsync(action.Entity, action, ct))
            .Map<PollRef, Poll, PollAuthorDesk>(PollVerbs.Remind, Who.Staff, d => d.PollId, (action, desk, ct) => desk.RemindAsync(action.Entity, action, ct))
            .Map<FindingsData, Poll, PollFindingsDesk>(PollVerbs.Findings, Who.Staff, d => d.PollId, (action, desk, _) => Task.FromResult(desk.Compose(action.Entity, action)))
            .Map<FindingsData, Poll, PollFindingsDesk>(PollVerbs.FindingsPreview, Who.Staff, d => d.PollId, (action, desk, ct) => desk.PreviewAsync(action.Entity, action, ct))
            .Map<FindingsData, Poll, PollFindingsDesk>(PollVerbs.FindingsSend, Who.Staff, d => d.PollId, (action, desk, ct) => desk.ShareAsync(action.Entity, action, ct))
            .Map<PollListData, PollList>(PollVerbs.List, Who.Staff, (action, list, ct) => list.PageAsync(action, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Poll_Refused_Unknown, Refused: TextKeys.Poll_Refused_NotSent, ChangedMeanwhile: TextKeys.Poll_ChangedMeanwhile, NotYours: TextKeys.Poll_Refused_NotYours))
            .Map<VoteData, PollBallot, PollBallotBox>(PollVerbs.Vote, Who.Everyone, d => d.PollId, (action, box, ct) => box.VoteAsync(action.Entity, action, ct))
            .Map<PollRef, PollBallot, PollBallotBox>(PollVerbs.ChangeVote, Who.Everyone, d => d.PollId, (action, box, ct) => box.ShowAsync(action.Entity, action, editing: true, ct))
            .Map<PollRef, PollBallot, PollBallotBox>(PollVerbs.Refresh, Who.Everyone, d => d.PollId, (action, box, ct) => box.ShowAsync(action.Entity, action, editing: false, ct));

        // The CSV export, reachable only through a signed link that expires.
        app.MapGet("/polls/{pollId}/export.csv", ExportAsync);
        return app;
    }

    private static async Task<IResult> ExportAsync(
        string pollId,
        string? tenant,
        string? exp,
        string? sig,
        PollLinks links,
        PollStore polls,
        VoteStore votes,
        PollService service,
        IOptions<PollsOptions> options,
        CancellationToken cancellationToken)
    {
        if (await links.ValidTenantAsync(pollId, tenant, exp, sig, cancellationToken).ConfigureAwait(false) is not { } tenantId)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        using var scope = TenantScope.Enter(tenantId);
        var poll = await polls.FindAsync(pollId, cancellationToken).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return TypedResults.NotFound();
        }
        var named = poll.Spec.Anonymous ? null : await votes.ReadNamedAsync(poll.Id, cancellationToken).ConfigureAwait(false);
        var all = named?.Select(v => v.Vote).ToList() ?? [.. await votes.ReadAllAsync(poll, cancellationToken).ConfigureAwait(false)];
        var minimum = options.Value.MinGroupSize;
        var results = PollDisclosure.Results(poll, all, minimum);
        var reached = await service.ReachedAsync(poll, results.Voters, cancellationToken).ConfigureAwait(false);
        var csv = PollCsv.Build(poll, results, reached, minimum, named);
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"poll-{poll.Id}.csv");
    }
}
