using TeamsEngage.Catalogue;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Services;

/// <summary>Whom an announcement goes to: the service's followers, plus everyone or the owner department when chosen.</summary>
public sealed record ServiceAudienceSpec(string ServiceId, string Notify, string? Department);

/// <summary>
/// Resolves an announcement's recipients for the outbox's writer, page by page in person-key order: the followers and
/// the chosen audience merged, so a person in both is one recipient.
/// </summary>
public sealed class ServiceAudience(ServiceCatalogue catalogue, IPeopleDirectory directory) : IBroadcastAudience
{
    public string Kind => ServiceOutboxKinds.Audience;

    public async Task<int> CountAsync(string spec, CancellationToken cancellationToken)
    {
        var count = 0;
        string? after = null;
        do
        {
            var page = await NextAsync(spec, after, 500, cancellationToken).ConfigureAwait(false);
            count += page.Recipients.Count;
            after = page.Next;
        }
        while (after is not null);
        return count;
    }

    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken)
    {
        var audience = Read(spec);
        // Both sources list people in the directory's order (escaped keys); the first max of each after the key hold the
        // first max of their union.
        var people = new SortedDictionary<string, Person>(StringComparer.Ordinal);
        var after = afterPersonKey is null ? null : StoreKey.Escape(afterPersonKey);
        await foreach (var key in catalogue.FollowersAsync(audience.ServiceId, cancellationToken)
            .Where(k => after is null || string.CompareOrdinal(StoreKey.Escape(k), after) > 0).Take(max).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } person)
            {
                people[StoreKey.Escape(person.Key)] = person;
            }
        }
        if (Audience(audience) is { } extra)
        {
            await foreach (var person in directory.ResolveAudienceAfterAsync(extra, afterPersonKey, cancellationToken).Take(max).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                people[StoreKey.Escape(person.Key)] = person;
            }
        }
        var page = people.Values.Take(max).ToList();
        var next = page.Count == max ? page[^1].Key : null;
        return new BroadcastPage([.. page.Select(p => new BroadcastRecipient(p.Key, p.UserId, p.DepartmentCode, p.Role.ToString()))], page.Count, next);
    }

    public Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken) => Task.CompletedTask;

    private static Audience? Audience(ServiceAudienceSpec spec) => spec.Notify switch
    {
        StatusNotify.Everyone => People.Audience.Everyone,
        StatusNotify.Department when spec.Department is { Length: > 0 } code => new Audience(AudienceKind.Departments, [code]),
        _ => null,
    };

    // An unreadable spec must stop the writer, never widen the audience.
    private static ServiceAudienceSpec Read(string spec) =>
        OutboxPayload.Deserialize<ServiceAudienceSpec>(spec) ?? throw new InvalidOperationException("A service announcement's audience spec cannot be read.");
}

/// <summary>Renders an announcement at send time in the recipient's language and zone; an update shows what the status is now.</summary>
public sealed class ServiceStatusRenderer(ServiceCatalogue catalogue, IPeopleDirectory directory) : OutboxRenderer<StatusPayload>
{
    public override string Kind => ServiceOutboxKinds.Status;

    protected override async Task<RenderedMessage?> RenderAsync(StatusPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(payload.ServiceId, cancellationToken).ConfigureAwait(false) is not { } service
            || await catalogue.StatusAsync(payload.ServiceId, payload.Version, cancellationToken).ConfigureAwait(false) is not { } announced)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var following = context.PersonKey is { } person && await catalogue.IsFollowingAsync(service.Id, person, cancellationToken).ConfigureAwait(false);
        var card = ServiceEditCards.Announcement(texts, service, announced, Localization.PeopleTime.ZoneOrUtc(context.Recipient.TimeZone), following);
        return new RenderedMessage(card, null, texts.Services_AnnouncementTitle(service.Name));
    }
}
