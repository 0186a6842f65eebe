using TeamsEngage.Localization;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.Commands;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Tickets;

/// <summary>Issue reports: what the feature registers, and every command, free text and card action it answers.</summary>
public static class TicketsFeature
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddOptions<TicketsOptions>().BindConfiguration(TicketsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoreTable(TicketStore.TableName);
        services.AddStoreTable(TicketStore.IndexTableName);
        services.AddStoreTable(TicketIdAllocator.TableName);

        services.AddSingleton<TicketFigures>();
        services.AddSingleton<TicketWorkload>();
        services.AddSingleton<TicketStore>();
        services.AddSingleton<TicketIdAllocator>();
        services.AddSingleton<TicketPeople>();
        services.AddSingleton<TicketNotifier>();
        services.AddSingleton<TicketPromises>();
        services.AddSingleton<TicketCardFactory>();
        services.AddSingleton<TicketFiles>();
        services.AddSingleton<IFileReceiver, TicketPictures>();
        services.AddSingleton<TicketReporting>();
        services.AddSingleton<TicketLists>();
        services.AddSingleton<TicketQueueDesk>();
        services.AddSingleton<TicketFreeText>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<TicketReporterDesk>();
        services.AddSingleton<TicketReassignment>();
        services.AddSingleton<TicketFeedbackDesk>();
        services.AddSingleton<Outcomes.IFeedbackTickets, TicketsForFeedback>();
        services.AddSingleton<TicketEscalation>();
        services.AddSingleton<ICalendarFollower, TicketPromiseShift>();
        services.AddSingleton<IEntityAccess<Ticket>, TicketAccess>();
        services.AddHostedService<TicketEscalationService>();
        services.AddSingleton<IDepartmentWork, TicketOpenCounter>();
        services.AddSingleton<TicketPersonalData>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<TicketPersonalData>());
        services.AddSingleton<IRetainedData>(sp => sp.GetRequiredService<TicketPersonalData>());

        services.AddSingleton<IOutboxRenderer, TicketCardRenderer>();
        services.AddSingleton<IOutboxRenderer, TicketEventRenderer>();
        return services;
    }

    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<TicketReporting>(BotCommands.Report, (command, reporting, ct) => reporting.OpenFormAsync(command, ct));
        bot.MapCommand<TicketLists>(BotCommands.MyIssues, (command, lists, ct) => lists.MyIssuesAsync(command, ct));
        bot.MapCommand<TicketQueueDesk>(BotCommands.Queue, (command, queue, ct) => queue.QueueAsync(command, ct));
        bot.MapFreeText<TicketFreeText>(100, (command, freeText, ct) => freeText.TryHandleAsync(command, ct));

        // Staff verbs are checked against the ticket's department (liaison, backup, assignee, claimer) or the administrators;
        // reporter verbs against the reporter. TicketAccess decides by verb.
        bot.MapActions(new ActionReplies(NotFound: TextKeys.Tickets_NotFound, Refused: TextKeys.Tickets_Refused, ChangedMeanwhile: TextKeys.Tickets_ChangedMeanwhile, NotYours: TextKeys.Tickets_NotYours))
            .Map<OpenReportData, TicketReporting>(SharedVerbs.OpenReport, Who.Everyone, (action, reporting, ct) => reporting.OpenConcernFormAsync(action, ct))
            .Map<ReportFormData, TicketReporting>(TicketVerbs.Submit, Who.Everyone, (action, reporting, ct) => reporting.SubmitAsync(action, ct))
            .Map<TicketActionData, Ticket, TicketDesk>(TicketVerbs.Claim, Who.Staff, d => d.TicketId, (action, desk, ct) => desk.ClaimAsync(action, ct))
            .Map<TicketReplyData, Ticket, TicketDesk>(TicketVerbs.Reply, Who.Staff, d => d.TicketId, (action, desk, ct) => desk.ReplyAsync(action, ct))
            .Map<TicketResolveData, Ticket, TicketDesk>(TicketVerbs.Resolve, Who.Staff, d => d.TicketId, (action, desk, ct) => desk.ResolveAsync(action, ct))
            .Map<TicketQueueData, TicketQueueDesk>(TicketVerbs.Queue, Who.Staff, (action, queue, ct) => queue.BrowseAsync(action, ct))
            .Map<TicketQueueItemData, Ticket, TicketQueueDesk>(TicketVerbs.QueueOpen, Who.Staff, d => d.TicketId, (action, queue, ct) => queue.OpenAsync(action, ct))
            .Map<TicketQueueItemData, Ticket, TicketQueueDesk>(TicketVerbs.QueueClaim, Who.Staff, d => d.TicketId, (action, queue, ct) => queue.ClaimAsync(action, ct))
            .Map<TicketReassignData, Ticket, TicketReassignment>(TicketVerbs.Reassign, Who.Staff, d => d.TicketId, (action, reassignment, ct) => reassignment.ReassignAsync(action, ct))
            .Map<TicketFeedbackData, Ticket, TicketFeedbackDesk>(TicketVerbs.FeedbackForm, Who.Staff, d => d.TicketId, (action, links, _) => Task.FromResult(links.Form(action)))
            .Map<TicketFeedbackData, Ticket, TicketFeedbackDesk>(TicketVerbs.Feedback, Who.Staff, d => d.TicketId, (action, links, ct) => links.LogAsync(action, ct))
            .Map<TicketReopenData, Ticket, TicketReporterDesk>(TicketVerbs.Reopen, Who.Everyone, d => d.TicketId, (action, desk, ct) => desk.ReopenAsync(action, ct))
            .Map<TicketRateData, Ticket, TicketReporterDesk>(TicketVerbs.Rate, Who.Everyone, d => d.TicketId, (action, desk, ct) => desk.RateAsync(action, ct))
            .Map<TicketSayData, Ticket, TicketReporterDesk>(TicketVerbs.Say, Who.Everyone, d => d.TicketId, async (action, desk, ct) =>
                CardActionResult.WithMessage(await desk.SayAsync(action.Entity, action.Data.Message, action.Texts, ct).ConfigureAwait(false)));

        // A picture kept with a ticket, reachable only through the signed link on a liaison's card.
        app.MapGet("/tickets/{ticketId}/files/{number:int}", TicketPictureLinks.ServeAsync);
        return app;
    }
}
