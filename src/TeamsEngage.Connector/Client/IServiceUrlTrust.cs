namespace TeamsEngage.Connector.Client;

/// <summary>
/// The serviceUrls the bot's token may be sent to. The connector layer trusts the serviceUrl of every authenticated
/// inbound activity itself; a proactive sender trusts one it stored from such an activity earlier (after a restart).
/// </summary>
public interface IServiceUrlTrust
{
    /// <summary>
    /// Trusts a serviceUrl. Call it only for a URL that arrived on an authenticated activity. Returns false, and trusts
    /// nothing, when the URL is not acceptable (not absolute, or http on a non-loopback host).
    /// </summary>
    bool Trust(string serviceUrl);

    /// <summary>Whether the bot's token may be sent to this serviceUrl.</summary>
    bool IsTrusted(string serviceUrl);
}
