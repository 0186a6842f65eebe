using System.Text.Json.Nodes;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Waiting;

namespace TeamsEngage.Tests.Support;

/// <summary>Reading shared findings (of a poll or a survey) back from what the connector stub received.</summary>
internal static class FindingsReading
{
    /// <summary>The findings cards <paramref name="persona"/> received: those saying <paramref name="learned"/>, or the Spanish heading.</summary>
    public static List<JsonNode> FindingsCards(this BotApplication bot, Persona persona, string learned) =>
        [.. bot.SentTo(persona).Where(a => a.Attachments is { Count: > 0 }).Select(SentCards.CardOf)
            .Where(c => CardReading.Said(c).Contains(learned, StringComparison.Ordinal) || CardReading.Said(c).Contains("Lo que aprendimos", StringComparison.Ordinal))];

    /// <summary>Waits for <paramref name="persona"/>'s first findings card.</summary>
    public static async Task<JsonNode> FindingsCardAsync(this BotApplication bot, Persona persona, string learned)
    {
        await Eventually.TrueAsync(() => bot.FindingsCards(persona, learned).Count > 0, $"{persona.Name}'s findings");
        return bot.FindingsCards(persona, learned)[0];
    }

    /// <summary>The data of a findings preview's Send button (<paramref name="sendVerb"/>).</summary>
    public static JsonNode SendData(JsonNode preview, string sendVerb) =>
        preview["actions"]!.AsArray().Single(a => a!["verb"]!.GetValue<string>() == sendVerb)!["data"]!;
}
