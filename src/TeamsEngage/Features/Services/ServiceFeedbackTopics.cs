using TeamsEngage.Catalogue;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Services;

/// <summary>The services of the catalogue as topics of feedback, in the order of their names.</summary>
public sealed class ServiceFeedbackTopics(ServiceCatalogue catalogue) : IFeedbackTopics
{
    public const string TopicKind = FeedbackTopic.ServiceKind;

    public string Kind => TopicKind;

    public async Task<IReadOnlyList<FeedbackTopic>> ChoicesAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await catalogue.ListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(Topic)];

    public async Task<FeedbackTopic?> FindAsync(string id, CancellationToken cancellationToken) =>
        ServiceCatalogue.IsValidId(id) && await catalogue.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } service ? Topic(service) : null;

    private static FeedbackTopic Topic(CatalogueService service) => new(FeedbackTopic.KeyOf(TopicKind, service.Id), service.Name);
}
