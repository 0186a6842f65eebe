using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.Outcomes;
using TeamsEngage.People;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Feedback;

/// <summary>Feedback with public outcomes: what the feature registers, and every command and card action it answers.</summary>
public static class FeedbackFeature
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoreTable(FeedbackStore.ItemsTable);
        services.AddStoreTable(FeedbackStore.FollowersTable);
        services.AddSingleton<FeedbackFigures>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<FeedbackTopics>();
        services.AddSingleton<FeedbackSimilar>();
        services.AddSingleton<FeedbackStaff>();
        services.AddSingleton<FeedbackTeller>();
        services.AddSingleton<FeedbackMoves>();
        services.AddSingleton<FeedbackDesk>();
        services.AddSingleton<FeedbackBrowsing>();
        services.AddSingleton<FeedbackTriage>();
        services.AddSingleton<IEntityAccess<FeedbackItem>, FeedbackAccess>();
        services.AddSingleton<FeedbackTicketLinks>();
        services.AddSingleton<IFeedbackOutcomes, FeedbackOutcomes>();
        services.AddSingleton<IOutboxRenderer, FeedbackOutcomeRenderer>();
        services.AddSingleton<IBroadcastAudience, FeedbackFollowersAudience>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<DigestDesk>();
        services.AddSingleton<IOutboxRenderer, DigestRenderer>();
        services.AddSingleton<IBroadcastAudience, DigestAudience>();
        services.AddSingleton<FeedbackPersonalData>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<FeedbackPersonalData>());
        services.AddSingleton<IRetainedData>(sp => sp.GetRequiredService<FeedbackPersonalData>());
        services.AddSingleton<FeedbackSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackSweep>());
        return services;
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<FeedbackDesk>(BotCommands.Feedback, (command, desk, ct) => desk.OpenAsync(command, ct));
        bot.MapCommand<FeedbackBrowsing>(BotCommands.Ideas, (command, browsing, ct) => browsing.OpenAsync(command, ct));
        bot.MapCommand<FeedbackTriage>(BotCommands.Triage, (command, triage, ct) => triage.OpenAsync(command, ct));
        bot.MapCommand<DigestDesk>(BotCommands.Digest, (command, digest, ct) => digest.OpenAsync(command, ct));

        // Triage verbs are checked against the item's department (its liaison or backup) or the administrators by FeedbackAccess.
        bot.MapActions(new ActionReplies(NotFound: TextKeys.Feedback_NotFound, Refused: TextKeys.Feedback_Refused, ChangedMeanwhile: TextKeys.Feedback_ChangedMeanwhile))
            .Map<ComposeData, FeedbackDesk>(FeedbackVerbs.Compose, Who.Everyone, (action, desk, ct) => desk.ComposeAsync(action, ct))
            .Map<SubmitData, FeedbackDesk>(FeedbackVerbs.Submit, Who.Everyone, (action, desk, ct) => desk.SubmitAsync(action, ct))
            .Map<SupportData, FeedbackItem, FeedbackDesk>(FeedbackVerbs.Support, Who.Everyone, d => d.ItemId, (action, desk, ct) => desk.SupportAsync(action, ct))
            .Map<BrowseData, FeedbackBrowsing>(FeedbackVerbs.Browse, Who.Everyone, (action, browsing, ct) => browsing.BrowseAsync(action, ct))
            .Map<BoardData, FeedbackTriage>(FeedbackVerbs.Board, Who.Staff, (action, triage, ct) => triage.BoardAsync(action, ct))
            .Map<MoveData, FeedbackItem, FeedbackTriage>(FeedbackVerbs.Triage, Who.Staff, d => d.ItemId, (action, triage, ct) => triage.OpenItemAsync(action, ct))
            .Map<MoveData, FeedbackItem, FeedbackTriage>(FeedbackVerbs.Move, Who.Staff, d => d.ItemId, (action, triage, ct) => triage.MoveAsync(action, ct))
            .Map<ItemTicketData, FeedbackItem, FeedbackTicketLinks>(FeedbackVerbs.TicketForm, Who.Staff, d => d.ItemId, (action, links, _) => Task.FromResult(links.TicketForm(action)))
            .Map<ItemTicketData, FeedbackItem, FeedbackTicketLinks>(FeedbackVerbs.Ticket, Who.Staff, d => d.ItemId, (action, links, ct) => links.OpenTicketAsync(action, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Feedback_DigestNotFound, Refused: TextKeys.Feedback_DigestRefused, ChangedMeanwhile: TextKeys.Feedback_ChangedMeanwhile))
            .Map<DigestForm, DigestDesk>(FeedbackVerbs.DigestPreview, Who.Administrators, (action, digest, ct) => digest.PreviewAsync(action, ct))
            .Map<DigestRef, DigestDesk>(FeedbackVerbs.DigestEdit, Who.Administrators, (action, digest, ct) => digest.EditAsync(action, ct))
            .Map<DigestRef, DigestDesk>(FeedbackVerbs.DigestSend, Who.Administrators, (action, digest, ct) => digest.SendAsync(action, ct))
            .Map<DigestRef, DigestDesk>(FeedbackVerbs.DigestReach, Who.Administrators, (action, digest, ct) => digest.ReachAsync(action, ct));
        return app;
    }
}
