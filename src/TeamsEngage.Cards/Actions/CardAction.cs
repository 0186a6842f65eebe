using System.Text.Json.Serialization;

namespace TeamsEngage.Cards;

/// <summary>A button, at the bottom of a card or inside an <see cref="ActionSet"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    /// <summary>Teams currently draws every style the same; kept for other hosts.</summary>
    [JsonPropertyOrder(1)]
    public ActionStyle? Style { get; init; }

    [JsonPropertyOrder(1)]
    public string? Tooltip { get; init; }

    /// <summary>What a client that does not know this action shows instead (e.g. Action.Submit for Action.Execute).</summary>
    [JsonPropertyOrder(2)]
    public CardAction? Fallback { get; init; }
}
