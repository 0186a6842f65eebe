using TeamsEngage.Bot;
using TeamsEngage.Catalogue;
using TeamsEngage.Localization;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Services;

/// <summary>
/// Everyone's side of the catalogue: the paged list and its search, a service's card, following and unfollowing.
/// Every method is a handler of <see cref="ServicesFeature"/>'s table.
/// </summary>
public sealed class ServiceDesk(ServiceCatalogue catalogue, ServiceSearch search, ServiceEditors editors)
{
    /// <summary><c>services [words]</c>: the first page of the catalogue, or of what matches the words.</summary>
    public async Task ShowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var query = command.Arguments.Length == 0 ? null : command.Arguments;
        var card = await ListCardAsync(command.Caller, Zone(command.Turn), query, 0, null, cancellationToken).ConfigureAwait(false);
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Services_Title), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Another page, or a new search from the card's search box.</summary>
    public async Task<CardActionResult> PageAsync(CardAction<ServicePageData> action, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(await ListCardAsync(action.Caller, Zone(action.Turn), action.Data.Query, action.Data.Page, null, cancellationToken).ConfigureAwait(false));

    /// <summary>A service's card.</summary>
    public async Task<CardActionResult> OpenAsync(CardAction<ServiceRef, CatalogueService> action, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(await CardAsync(action, action.Entity, null, cancellationToken).ConfigureAwait(false));

    /// <summary>Follow: status changes of the service reach this person.</summary>
    public async Task<CardActionResult> FollowAsync(CardAction<FollowServiceData, CatalogueService> action, CancellationToken cancellationToken)
    {
        if (action.Caller.PersonKey is not { } person)
        {
            return CardActionResult.Refused;
        }
        await catalogue.FollowAsync(action.Entity.Id, person, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(await CardAsync(action, action.Entity, action.Texts.Services_Following(Cards.CardText.Escape(action.Entity.Name)), cancellationToken).ConfigureAwait(false));
    }

    public async Task<CardActionResult> UnfollowAsync(CardAction<ServiceRef, CatalogueService> action, CancellationToken cancellationToken)
    {
        if (action.Caller.PersonKey is not { } person)
        {
            return CardActionResult.Refused;
        }
        await catalogue.UnfollowAsync(action.Entity.Id, person, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(await CardAsync(action, action.Entity, action.Texts.Services_NotFollowing(Cards.CardText.Escape(action.Entity.Name)), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A service's card as <paramref name="action"/>'s caller sees it.</summary>
    public async Task<Cards.AdaptiveCard> CardAsync(CardActionContext action, CatalogueService service, string? notice, CancellationToken cancellationToken)
    {
        var following = action.Caller.PersonKey is { } person && await catalogue.IsFollowingAsync(service.Id, person, cancellationToken).ConfigureAwait(false);
        var canEdit = await editors.MayEditAsync(action.Caller, service, cancellationToken).ConfigureAwait(false);
        return ServiceCards.Service(action.Texts, service, new ServiceViewer(following, canEdit), Zone(action.Turn), notice);
    }

    /// <summary>The list card for <paramref name="caller"/>: the search's results (or every service) at <paramref name="page"/>.</summary>
    public async Task<Cards.AdaptiveCard> ListCardAsync(Caller caller, TimeZoneInfo zone, string? query, int page, string? notice, CancellationToken cancellationToken)
    {
        var all = await catalogue.ListAsync(cancellationToken).ConfigureAwait(false);
        var found = string.IsNullOrWhiteSpace(query) ? all : search.Find(all, query, caller.Texts);
        return ServiceCards.List(caller.Texts, found, query?.Trim(), page, caller.Has(Role.Administrator), zone, notice);
    }

    internal static TimeZoneInfo Zone(Connector.Routing.TurnContext turn) => PeopleTime.ZoneOrUtc(turn.Activity.GetTimeZone());
}
