using TeamsEngage.Bot;
using TeamsEngage.Catalogue;
using TeamsEngage.Commands;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;

namespace TeamsEngage.Features.Services;

/// <summary>
/// The IT service catalogue in Teams: everyone browses and searches it, follows a service's status and reports a
/// problem with it; administrators and the owner department's liaison edit services and announce status changes.
/// The catalogue itself (services, followers, CSV) is the core in <c>TeamsEngage.Catalogue</c>.
/// </summary>
public static class ServicesFeature
{
    public static IServiceCollection AddServices(this IServiceCollection services)
    {
        services.AddSingleton<ServiceSearch>();
        services.AddSingleton<ServiceEditors>();
        services.AddSingleton<ServiceDesk>();
        services.AddSingleton<ServiceEditDesk>();
        services.AddSingleton<ServiceAnnouncer>();
        services.AddSingleton<Outcomes.IFeedbackTopics, ServiceFeedbackTopics>();
        services.AddSingleton<IEntityAccess<CatalogueService>, ServiceAccess>();
        services.AddSingleton<IOutboxRenderer, ServiceStatusRenderer>();
        services.AddSingleton<IBroadcastAudience, ServiceAudience>();
        return services;
    }

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<ServiceDesk>(BotCommands.Services, (command, desk, ct) => desk.ShowAsync(command, ct));

        // The verbs that change a service are for its editors: ServiceAccess decides by verb.
        bot.MapActions(new ActionReplies(NotFound: TextKeys.Services_NotFound, Refused: TextKeys.Services_Refused, ChangedMeanwhile: TextKeys.Services_ChangedMeanwhile))
            .Map<ServicePageData, ServiceDesk>(ServiceVerbs.Page, Who.Everyone, (action, desk, ct) => desk.PageAsync(action, ct))
            .Map<ServiceRef, CatalogueService, ServiceDesk>(ServiceVerbs.Show, Who.Everyone, d => d.ServiceId, (action, desk, ct) => desk.OpenAsync(action, ct))
            .Map<FollowServiceData, CatalogueService, ServiceDesk>(SharedVerbs.FollowService, Who.Everyone, d => d.ServiceId, (action, desk, ct) => desk.FollowAsync(action, ct))
            .Map<ServiceRef, CatalogueService, ServiceDesk>(ServiceVerbs.Unfollow, Who.Everyone, d => d.ServiceId, (action, desk, ct) => desk.UnfollowAsync(action, ct))
            .Map<NoData, ServiceEditDesk>(ServiceVerbs.Add, Who.Administrators, (action, desk, ct) => desk.AddAsync(action, ct))
            .Map<ServiceRef, CatalogueService, ServiceEditDesk>(ServiceVerbs.Edit, Who.Staff, d => d.ServiceId, (action, desk, ct) => desk.EditAsync(action, ct))
            .Map<ServiceFormData, ServiceEditDesk>(ServiceVerbs.Save, Who.Staff, (action, desk, ct) => desk.SaveAsync(action, ct))
            .Map<ServiceRef, CatalogueService, ServiceEditDesk>(ServiceVerbs.StatusForm, Who.Staff, d => d.ServiceId, (action, desk, ct) => desk.StatusFormAsync(action, ct))
            .Map<StatusFormData, CatalogueService, ServiceEditDesk>(ServiceVerbs.SetStatus, Who.Staff, d => d.ServiceId, (action, desk, ct) => desk.SetStatusAsync(action, ct));
        return app;
    }
}
