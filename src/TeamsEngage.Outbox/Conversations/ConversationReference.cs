namespace TeamsEngage.Conversations;

/// <summary>Everything needed to message a person proactively in their 1:1 chat with the bot.</summary>
/// <param name="UserId">The Teams user id (<c>29:…</c>).</param>
/// <param name="AadObjectId">The Entra object id, when known.</param>
/// <param name="Name">The display name Teams last sent.</param>
/// <param name="ServiceUrl">The connector base URL of the person's region, as last seen.</param>
/// <param name="ConversationId">The 1:1 conversation id.</param>
/// <param name="TenantId">The person's tenant.</param>
/// <param name="BotId">The bot's own id in that conversation (<c>28:…</c>).</param>
/// <param name="Locale">The Teams client's locale, as last seen.</param>
/// <param name="TimeZone">The Teams client's IANA time zone, as last seen.</param>
public sealed record ConversationReference(
    string UserId,
    string? AadObjectId,
    string? Name,
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? BotId,
    string? Locale,
    string? TimeZone);
