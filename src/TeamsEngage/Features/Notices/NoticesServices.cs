using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Bot;
using TeamsEngage.Outbox;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Notices;

/// <summary>Registration of the notices feature.</summary>
public static class NoticesServices
{
    /// <summary>Commands, card actions, the outbox renderer, storage and the scheduler of notices.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptions<NoticesOptions>()
            .BindConfiguration(NoticesOptions.Section)
            .Validate(o => o.ConfirmAbove >= 1, "TeamsEngage:Notices:ConfirmAbove must be at least 1.")
            .Validate(o => o.SchedulerInterval > TimeSpan.Zero, "TeamsEngage:Notices:SchedulerInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStoreTable(NoticeStore.TableName);
        services.AddStoreTable(NoticeAcknowledgements.AcksTable);
        services.AddStoreTable(NoticeAcknowledgements.RecipientsTable);
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<NoticeAcknowledgements>();
        services.AddSingleton<NoticeValidator>();
        services.AddSingleton<NoticeAccess>();
        services.AddSingleton<NoticeBroadcaster>();
        services.AddSingleton<IOutboxRenderer, NoticeCardRenderer>();
        services.AddSingleton<NoticeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeScheduler>());

        services.AddSingleton<ICommand, AnnounceCommand>();
        services.AddSingleton<ICommand, NoticesCommand>();
        services.AddSingleton<ICardAction, PreviewNoticeAction>();
        services.AddSingleton<ICardAction, EditNoticeAction>();
        services.AddSingleton<ICardAction, SaveNoticeAction>();
        services.AddSingleton<ICardAction, DiscardNoticeAction>();
        services.AddSingleton<ICardAction, SendNoticeAction>();
        services.AddSingleton<ICardAction, ScheduleNoticeAction>();
        services.AddSingleton<ICardAction, RescheduleNoticeAction>();
        services.AddSingleton<ICardAction, SaveRescheduleAction>();
        services.AddSingleton<ICardAction, CancelNoticeAction>();
        services.AddSingleton<ICardAction, NoticeStatusAction>();
        services.AddSingleton<ICardAction, RemindNoticeAction>();
        services.AddSingleton<ICardAction, AcknowledgeNoticeAction>();
        return services;
    }
}
