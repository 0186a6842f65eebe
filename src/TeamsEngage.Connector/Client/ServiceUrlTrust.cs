using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// The connector endpoints the bot's token may be sent to: the Teams hosts of the bot's cloud, plus every serviceUrl
/// that arrived on an authenticated inbound activity. Trust is kept per scheme, host and port, so all regional
/// paths of a trusted host (<c>/amer/</c>, <c>/emea/</c>) share it. Plain http is accepted only for loopback hosts.
/// </summary>
internal sealed class ServiceUrlTrust : IServiceUrlTrust
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the trust list with the Teams hosts of the configured cloud in it.</summary>
    public ServiceUrlTrust(IOptions<BotOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.ResolveCloud())
    {
    }

    /// <summary>Creates the trust list with the Teams hosts of <paramref name="cloud"/> in it.</summary>
    public ServiceUrlTrust(BotCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        foreach (var host in cloud.ServiceHosts)
        {
            _trusted.TryAdd(Key(new Uri("https://" + host + "/")), 0);
        }
    }

    /// <summary>
    /// Trusts a serviceUrl. Call it only after the inbound activity that carried it was authenticated.
    /// Returns false, and trusts nothing, when the URL is not acceptable (not absolute, or http on a non-loopback host).
    /// </summary>
    public bool Trust(string serviceUrl)
    {
        if (!TryParse(serviceUrl, out var uri))
        {
            return false;
        }
        _trusted.TryAdd(Key(uri), 0);
        return true;
    }

    /// <summary>Whether the bot's token may be sent to this serviceUrl.</summary>
    public bool IsTrusted(string serviceUrl) =>
        TryParse(serviceUrl, out var uri) && _trusted.ContainsKey(Key(uri));

    /// <summary>Parses a serviceUrl: absolute, https, or http on a loopback host.</summary>
    internal static bool TryParse(string? serviceUrl, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed))
        {
            return false;
        }
        var secure = parsed.Scheme == Uri.UriSchemeHttps;
        var localHttp = parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback;
        if (!secure && !localHttp)
        {
            return false;
        }
        uri = parsed;
        return true;
    }

    private static string Key(Uri uri) => uri.Scheme + "://" + uri.IdnHost + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
