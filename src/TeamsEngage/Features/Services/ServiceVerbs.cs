using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Services;

/// <summary>The verbs on the catalogue's cards.</summary>
public static class ServiceVerbs
{
    public const string Page = "services.page";
    public const string Show = "services.show";
    public const string Unfollow = "services.unfollow";
    public const string Add = "services.add";
    public const string Edit = "services.edit";
    public const string Save = "services.save";
    public const string StatusForm = "services.statusform";
    public const string SetStatus = "services.setstatus";

    /// <summary>Owned by the feedback feature: opens its form about a topic (<c>service:&lt;id&gt;</c>).</summary>
    public const string GiveFeedback = "feedback.compose";

    /// <summary>Whether <paramref name="verb"/> changes a service (administrators and the owner department's liaison).</summary>
    public static bool Changes(string verb) => verb is Edit or Save or StatusForm or SetStatus;
}

/// <summary>The outbox kind of a status announcement (payload <see cref="StatusPayload"/>).</summary>
public static class ServiceOutboxKinds
{
    public const string Status = "service.status";

    /// <summary>The broadcast audience of an announcement: the followers, and the chosen audience if any.</summary>
    public const string Audience = "service.audience";
}

/// <summary>One status announcement of one service.</summary>
public sealed record StatusPayload(string ServiceId, int Version);

/// <summary>A page of the list, for a search (empty: every service).</summary>
public sealed record ServicePageData([property: StringLength(200)] string? Query = null, [property: Range(0, 1000)] int Page = 0);

/// <summary>Which service a button is about.</summary>
public sealed record ServiceRef([property: Required, StringLength(40)] string? ServiceId);

/// <summary>The Give feedback button's data, in the feedback feature's shape.</summary>
public sealed record FeedbackTopicData(string Topic);

/// <summary>
/// The service form: the id of the service being edited (null when adding) and its inputs, each checked again on the
/// server by <see cref="Catalogue.CatalogueImporter.ReadService"/>.
/// </summary>
public sealed record ServiceFormData(
    [property: StringLength(40)] string? ServiceId = null,
    string? Id = null,
    string? Name = null,
    string? Description = null,
    string? Audience = null,
    string? Help = null,
    string? Owner = null,
    string? HighHours = null,
    string? NormalHours = null,
    string? LowHours = null,
    string? Links = null);

/// <summary>
/// The status form: the service, the condition and message, and whom to tell besides the followers
/// (<c>followers</c>, <c>everyone</c>, or <c>department</c>: the owner department).
/// </summary>
public sealed record StatusFormData(
    [property: Required, StringLength(40)] string? ServiceId,
    string? Condition = null,
    string? Message = null,
    string? Notify = null);
