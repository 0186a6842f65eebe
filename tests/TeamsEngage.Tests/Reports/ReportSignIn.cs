using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Reports;
using TeamsEngage.Links;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Reports;

/// <summary>Signing in to the dashboard as a browser would: the card's link, the cookie it sets, the pages it opens.</summary>
internal static partial class ReportSignIn
{
    /// <summary>Asks the bot for <c>reports</c> as <paramref name="persona"/>, checks the card with the official parser, returns it.</summary>
    public static async Task<System.Text.Json.Nodes.JsonNode> CardAsync(BotApplication bot, Persona persona)
    {
        bot.Connector.ClearRequests();
        await bot.SayAsync(persona, persona.Locale.StartsWith("es", StringComparison.Ordinal) ? "informes" : "reports");
        var activity = bot.SentTo(persona).Last(a => a.Attachments is { Count: > 0 });
        var card = SentCards.CardOf(activity);
        var report = await AdaptiveCardsParser.ValidateAsync("reports summary", card);
        Assert.True(report.IsValid, report.ToString());
        return card;
    }

    /// <summary>The dashboard link of a <c>reports</c> card.</summary>
    public static Uri LinkOf(System.Text.Json.Nodes.JsonNode card) =>
        new(card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>());

    /// <summary>A link signed with the bot's key for anyone, valid for <paramref name="lifetime"/> (negative: already expired).</summary>
    public static Task<Uri> SignedLinkAsync(BotApplication bot, Persona persona, TimeSpan lifetime) =>
        bot.Services.GetRequiredService<SignedLinks>().CreateAsync(ReportSessions.SignInPath,
            [new("tenant", persona.TenantId), new("user", persona.UserId), new("oid", persona.AadObjectId)], lifetime, CancellationToken.None);

    /// <summary>Opens a sign-in link; returns the response and the session cookie it set, if any.</summary>
    public static async Task<(HttpResponseMessage Response, string? Cookie)> OpenAsync(BotApplication bot, Uri link)
    {
        var response = await bot.Plain.GetAsync(link.PathAndQuery);
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.SingleOrDefault(v => v.StartsWith(ReportSessions.CookieName + "=", StringComparison.Ordinal)) : null;
        return (response, setCookie);
    }

    /// <summary>Signs in with the card's link of <paramref name="persona"/>; returns the cookie header value.</summary>
    public static async Task<string> SignInAsync(BotApplication bot, Persona persona)
    {
        var (response, setCookie) = await OpenAsync(bot, LinkOf(await CardAsync(bot, persona)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(setCookie);
        return setCookie.Split(';')[0];
    }

    /// <summary>GETs a dashboard address with the session cookie.</summary>
    public static async Task<HttpResponseMessage> GetAsync(BotApplication bot, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await bot.Plain.SendAsync(request);
    }

    /// <summary>The value shown on the tile labelled <paramref name="label"/> (after <paramref name="skip"/> others so labelled).</summary>
    public static string Tile(string html, string label, int skip = 0)
    {
        var match = TileValue().Matches(html).Where(m => WebUtility.HtmlDecode(m.Groups[1].Value) == label).ElementAtOrDefault(skip);
        Assert.True(match is not null, $"No tile '{label}' on the page.");
        return WebUtility.HtmlDecode(match.Groups[2].Value);
    }

    /// <summary>The cells of each body row of the table with <paramref name="id"/>, the row header first.</summary>
    public static IReadOnlyList<string[]> Rows(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table '{id}' on the page.");
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return [.. RowPattern().Matches(body).Select(r => CellPattern().Matches(r.Value).Select(c => WebUtility.HtmlDecode(Tags().Replace(c.Groups[1].Value, string.Empty))).ToArray())];
    }

    [GeneratedRegex("<li class=\"tile\" data-figure=\"([^\"]*)\">\\s*<span class=\"label\">[^<]*</span>\\s*<span class=\"value\">([^<]*)</span>")]
    private static partial Regex TileValue();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
