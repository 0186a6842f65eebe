using System.Text.Json.Nodes;

namespace TeamsEngage.Tests.Support;

/// <summary>Files sent to the bot in a personal chat, as Teams delivers them to a bot whose manifest has <c>supportsFiles</c>.</summary>
internal static class ChatFiles
{
    /// <summary>Posts a message with no text and one download-info attachment for <paramref name="name"/> at <paramref name="link"/>.</summary>
    public static async Task SendAsync(BotApplication bot, Persona persona, string name, Uri link)
    {
        var node = Fixtures.LoadNode("message-personal.json", bot.Connector.BaseUrl, persona, new Dictionary<string, string> { ["text"] = "" });
        node["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/eli/Documents/Microsoft%20Teams%20Chat%20Files/" + Uri.EscapeDataString(name),
            ["name"] = name,
            ["content"] = new JsonObject
            {
                ["downloadUrl"] = link.ToString(),
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                ["fileType"] = Path.GetExtension(name).TrimStart('.'),
            },
        });
        using var response = await bot.PostAsync(node.ToJsonString());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts a message with a picture pasted into it: an <c>image/*</c> attachment whose link needs the bot's token.</summary>
    public static async Task SendPictureAsync(BotApplication bot, Persona persona, Uri contentUrl, string contentType = "image/png")
    {
        var node = Fixtures.LoadNode("message-personal.json", bot.Connector.BaseUrl, persona, new Dictionary<string, string> { ["text"] = "" });
        node["attachments"] = new JsonArray(new JsonObject { ["contentType"] = contentType, ["contentUrl"] = contentUrl.ToString() });
        using var response = await bot.PostAsync(node.ToJsonString());
        response.EnsureSuccessStatusCode();
    }
}
