using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamsEngage.Cards;

/// <summary>An Adaptive Card at schema 1.5, the newest version Teams renders for bot-sent cards.</summary>
public sealed record AdaptiveCard
{
    /// <summary>The schema version written on every card.</summary>
    public const string SchemaVersion = "1.5";

    /// <summary>Value of <c>$schema</c>.</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Creates a card with the given body.</summary>
    public AdaptiveCard(params IReadOnlyList<CardElement> body) => Body = body;

    [JsonPropertyOrder(-3)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string Schema { get; } = SchemaUrl;

    [JsonPropertyOrder(-1)]
    public string Version { get; } = SchemaVersion;

    public IReadOnlyList<CardElement> Body { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions refresh: Teams calls the bot to get a per-user view.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Plain text shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardOptions? MsTeams { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Options);

    public JsonObject ToJsonNode() => JsonSerializer.SerializeToNode(this, CardJson.Options)!.AsObject();
}

/// <summary>The <c>refresh</c> object: an Action.Execute Teams invokes for each listed user.</summary>
public sealed record CardRefresh
{
    /// <summary>Teams honours at most this many user IDs or user-specific views.</summary>
    public const int MaxUserIds = 60;

    private readonly IReadOnlyList<string>? _userIds;

    public CardRefresh(ExecuteAction action) => Action = action;

    [JsonIgnore]
    public ExecuteAction Action { get; }

    // Declared as the base type so the polymorphic "type" discriminator is written.
    [JsonPropertyName("action")]
    public CardAction SerializedAction => Action;

    /// <summary>
    /// The users' <c>29:</c> IDs. Empty means refresh only on demand; null (omitted) means everyone in chats of up to 60.
    /// </summary>
    public IReadOnlyList<string>? UserIds
    {
        get => _userIds;
        init
        {
            if (value is { Count: > MaxUserIds })
            {
                throw new ArgumentOutOfRangeException(nameof(value), value.Count, $"Teams refreshes at most {MaxUserIds} users.");
            }
            _userIds = value;
        }
    }
}

/// <summary>Teams' own card extension.</summary>
public sealed record TeamsCardOptions(string Width)
{
    /// <summary>Stretches the card to the full width of the message pane.</summary>
    public static TeamsCardOptions FullWidth { get; } = new("Full");
}
