using TeamsEngage.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Outbox;
using TeamsEngage.Outcomes;
using TeamsEngage.People;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Notices;

/// <summary>Deployment notices: composing, sending now or later, changing what went out, acknowledging, status and reminders.</summary>
public static class NoticesFeature
{
    /// <summary>Options, tables, the author's composer and desk, the recipient's inbox, the outbox renderer and the scheduler.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptions<NoticesOptions>().BindConfiguration(NoticesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStoreTable(NoticeStore.TableName);
        services.AddStoreTable(NoticeAcknowledgements.AcksTable);
        services.AddStoreTable(NoticeAcknowledgements.RecipientsTable);
        services.AddStoreTable(NoticeConcerns.TableName);
        services.AddSingleton<NoticeConcerns>();
        services.AddSingleton<IOutboxRenderer, NoticeConcernRenderer>();
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<NoticeAcknowledgements>();
        services.AddSingleton<NoticeValidator>();
        services.AddSingleton<IEntityAccess<Notice>, NoticeAccess>();
        services.AddSingleton<NoticeBroadcaster>();
        services.AddSingleton<NoticeCalendar>();
        services.AddSingleton<NoticeComposer>();
        services.AddSingleton<NoticeDesk>();
        services.AddSingleton<NoticeInbox>();
        services.AddSingleton<NoticeFigures>();
        services.AddSingleton<IOutboxRenderer, NoticeCardRenderer>();
        services.AddSingleton<IOutboxRenderer, NoticeChangeRenderer>();
        services.AddSingleton<NoticeTeller>();
        services.AddSingleton<IBroadcastAudience, NoticeAudience>();
        services.AddSingleton<NoticePersonalData>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<NoticePersonalData>());
        services.AddSingleton<IRetainedData>(sp => sp.GetRequiredService<NoticePersonalData>());
        services.AddSingleton<IFeedbackTopics, NoticeFeedbackTopics>();
        services.AddSingleton<NoticeProgress>();
        services.AddSingleton<IOutboxRenderer, NoticeProgressRenderer>();
        services.AddSingleton<NoticeProgressTicker>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeProgressTicker>());
        services.AddSingleton<NoticeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeScheduler>());
        return services;
    }

    /// <summary>
    /// The commands and buttons of notices. Every author button names a notice the caller must have written
    /// (<see cref="NoticeAccess"/>); the handlers only check that the notice's state admits the button.
    /// </summary>
    public static IEndpointRouteBuilder MapNotices(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<NoticeComposer>(BotCommands.Announce, (command, composer, ct) => composer.OpenAsync(command, ct));
        bot.MapCommand<NoticeDesk>(BotCommands.Notices, (command, desk, ct) => desk.ListAsync(command, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Notice_NotFound, Refused: TextKeys.Notice_Refused, ChangedMeanwhile: TextKeys.Notice_ChangedMeanwhile, NotYours: TextKeys.Notice_NotYours))
            .Map<NoticeForm, NoticeComposer>(NoticeVerbs.Preview, Who.Administrators, (action, composer, ct) => composer.PreviewAsync(action, ct))
            .Map<NoticeForm, Notice, NoticeComposer>(NoticeVerbs.Revise, Who.Administrators, f => f.NoticeId, (action, composer, ct) => composer.ReviseAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeComposer>(NoticeVerbs.Edit, Who.Administrators, d => d.NoticeId, (action, composer, ct) => composer.EditAsync(action.Entity, action, ct))
            .Map<NoticeForm, Notice, NoticeComposer>(NoticeVerbs.Save, Who.Administrators, f => f.NoticeId, (action, composer, ct) => composer.SaveAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeComposer>(NoticeVerbs.Discard, Who.Administrators, d => d.NoticeId, (action, composer, ct) => composer.DiscardAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeComposer>(NoticeVerbs.Reschedule, Who.Administrators, d => d.NoticeId, (action, composer, ct) => composer.RescheduleAsync(action.Entity, action, ct))
            .Map<NoticeForm, Notice, NoticeComposer>(NoticeVerbs.RescheduleSave, Who.Administrators, f => f.NoticeId, (action, composer, ct) => composer.SaveRescheduleAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeDesk>(NoticeVerbs.Send, Who.Administrators, d => d.NoticeId, (action, desk, ct) => desk.SendAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeDesk>(NoticeVerbs.SendTest, Who.Administrators, d => d.NoticeId, (action, desk, ct) => desk.SendTestAsync(action.Entity, action, ct))
            .Map<ScheduleData, Notice, NoticeDesk>(NoticeVerbs.Schedule, Who.Administrators, d => d.NoticeId, (action, desk, ct) => desk.ScheduleAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeDesk>(NoticeVerbs.Cancel, Who.Administrators, d => d.NoticeId, (action, desk, ct) => desk.CancelAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeDesk>(NoticeVerbs.Status, Who.Administrators, d => d.NoticeId, (action, desk, ct) => desk.StatusAsync(action.Entity, action, ct))
            .Map<NoticePageData, Notice, NoticeDesk>(NoticeVerbs.Unreachable, Who.Administrators, d => d.NoticeId, (action, desk, ct) => desk.UnreachableAsync(action.Entity, action, ct))
            .Map<NoticeActionData, Notice, NoticeDesk>(NoticeVerbs.Remind, Who.Administrators, d => d.NoticeId, (action, desk, ct) => desk.RemindAsync(action.Entity, action, ct));

        // Anyone may press a notice's acknowledge button; whoever it was not delivered to is told so, whatever the data names.
        bot.MapActions(new ActionReplies(NotFound: TextKeys.Notice_NotRecipient, Refused: TextKeys.Notice_NotRecipient, ChangedMeanwhile: TextKeys.Notice_ChangedMeanwhile))
            .Map<NoticeActionData, NoticeInbox>(NoticeVerbs.Acknowledge, Who.Everyone, (action, inbox, ct) => inbox.AcknowledgeAsync(action, ct))
            .Map<NoticeConcernData, NoticeInbox>(NoticeVerbs.Concern, Who.Everyone, (action, inbox, ct) => inbox.RaiseConcernAsync(action, ct));
        return app;
    }
}
