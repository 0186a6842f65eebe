using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Connector.Auth;

/// <summary>Tuning for inbound token validation. The defaults suit the public Bot Framework channel.</summary>
public sealed class InboundAuthenticationOptions
{
    /// <summary>The channel's guidance: cached signing keys must be refreshed at least once a day.</summary>
    public static readonly TimeSpan MaximumKeyRefreshInterval = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the fetched OpenID metadata, signing keys and endorsements are used before they are fetched again.
    /// Between zero (exclusive) and <see cref="MaximumKeyRefreshInterval"/>; 12 hours by default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "KeyRefreshInterval must be more than zero and at most 24 hours.")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The same rule as the annotation, for an authenticator built without the options pipeline.</summary>
    internal bool HasValidRefreshInterval =>
        KeyRefreshInterval > TimeSpan.Zero && KeyRefreshInterval <= MaximumKeyRefreshInterval;
}
