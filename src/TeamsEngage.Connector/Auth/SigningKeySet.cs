using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Connector.Auth;

/// <summary>One consistent download of the channel's keys and the channels each key is endorsed for.</summary>
internal sealed class SigningKeySet
{
    private readonly HashSet<string> _keyIds;
    private readonly Dictionary<string, HashSet<string>> _endorsements;

    public SigningKeySet(IReadOnlyList<SecurityKey> keys, Dictionary<string, HashSet<string>> endorsements)
    {
        Keys = keys;
        _endorsements = endorsements;
        _keyIds = new HashSet<string>(
            keys.Select(k => k.KeyId).Where(id => !string.IsNullOrEmpty(id)),
            StringComparer.Ordinal);
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    public bool ContainsKey(string keyId) => _keyIds.Contains(keyId);

    public bool IsEndorsedFor(string? keyId, string channelId) =>
        keyId is not null
        && _endorsements.TryGetValue(keyId, out var channels)
        && channels.Contains(channelId);
}
