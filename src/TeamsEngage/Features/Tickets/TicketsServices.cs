using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Bot;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Tickets;

/// <summary>Registers issue reports: storage, commands, card actions, outbox renderers and the promise watcher.</summary>
public static class TicketsServices
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddOptions<TicketsOptions>().BindConfiguration(TicketsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoreTable(TicketStore.TableName);
        services.AddStoreTable(TicketStore.IndexTableName);
        services.AddStoreTable(TicketIdAllocator.TableName);

        services.AddSingleton<TicketStore>();
        services.AddSingleton<TicketIdAllocator>();
        services.AddSingleton<TicketMutation>();
        services.AddSingleton<TicketPeople>();
        services.AddSingleton<TicketNotifier>();
        services.AddSingleton<TicketCardFactory>();
        services.AddSingleton<TicketReporting>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<TicketReporterDesk>();
        services.AddSingleton<TicketReassignment>();
        services.AddSingleton<TicketEscalation>();
        services.AddHostedService<TicketEscalationService>();
        services.AddSingleton<IDepartmentWork, TicketOpenCounter>();

        services.AddSingleton<ICommand, ReportCommand>();
        services.AddSingleton<ICommand, MyIssuesCommand>();
        services.AddSingleton<ICommand, QueueCommand>();
        services.AddSingleton<IFreeTextHandler, TicketFreeText>();

        services.AddSingleton<ICardAction, OpenReportAction>();
        services.AddSingleton<ICardAction, SubmitReportAction>();
        services.AddSingleton<ICardAction, ClaimTicketAction>();
        services.AddSingleton<ICardAction, ReplyTicketAction>();
        services.AddSingleton<ICardAction, ResolveTicketAction>();
        services.AddSingleton<ICardAction, ReassignTicketAction>();
        services.AddSingleton<ICardAction, ReopenTicketAction>();
        services.AddSingleton<ICardAction, RateTicketAction>();
        services.AddSingleton<ICardAction, SayTicketAction>();

        services.AddSingleton<IOutboxRenderer, TicketCardRenderer>();
        services.AddSingleton<IOutboxRenderer, TicketEventRenderer>();
        return services;
    }
}
