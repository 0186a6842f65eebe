using System.Net;
using System.Text.RegularExpressions;
using TeamsEngage.Reporting;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Polls;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Reports.ReportSignIn;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// Remind from the participation page: an administrator reminds the non-responders of a group below the district's rate,
/// through a signed POST form; nobody else may, a changed form does nothing, and the page never says who was reminded.
/// </summary>
public sealed partial class ParticipationRemindTests
{
    private static readonly (string Department, Persona Persona)[] Science = PollHost.Voters("SCI", 5);
    private static readonly (string Department, Persona Persona)[] Art = PollHost.Voters("ART", 5);

    [Fact]
    public async Task AnAdministratorRemindsTheNonRespondersOfAGroupBelowTheRateOfAnAnonymousPollOnceAndNoOneElse()
    {
        await using var bot = await StartAsync();
        var cookie = await SignInAsync(bot, PollHost.Admin);
        var page = await (await GetAsync(bot, cookie, "/reports/participation")).Content.ReadAsStringAsync();
        var before = Everyone.ToDictionary(p => p.UserId, p => bot.SentTo(p).Count);

        Assert.Equal(["ART"], Rows(page, "below-rate").Select(r => r[0]));
        var form = FormOf(page, "below-rate");
        var reminded = await PostAsync(bot, cookie, form);
        var body = await reminded.Content.ReadAsStringAsync();
        foreach (var (_, waiting) in Art.Skip(1))
        {
            await bot.Connector.WaitForActivitiesAsync(waiting.ConversationId, before[waiting.UserId] + 1);
        }
        var again = await (await PostAsync(bot, cookie, form)).Content.ReadAsStringAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, reminded.StatusCode);
        Assert.Contains("Reminders on their way", body, StringComparison.Ordinal);
        Assert.Contains("Nobody to remind", again, StringComparison.Ordinal);
        Assert.All(Everyone, p => Assert.DoesNotContain(p.Name, body, StringComparison.Ordinal));
        Assert.All(Art.Skip(1), v => Assert.Equal(before[v.Persona.UserId] + 1, bot.SentTo(v.Persona).Count));
        Assert.Equal(before[Art[0].Persona.UserId], bot.SentTo(Art[0].Persona).Count);
        Assert.All(Science, v => Assert.Equal(before[v.Persona.UserId], bot.SentTo(v.Persona).Count));
    }

    [Fact]
    public async Task ALiaisonAChangedFormAndNoSessionAreRefusedWithAClearPageAndNothingIsSent()
    {
        await using var bot = await StartAsync();
        var admin = await SignInAsync(bot, PollHost.Admin);
        var form = FormOf(await (await GetAsync(bot, admin, "/reports/participation")).Content.ReadAsStringAsync(), "below-rate");
        var liaison = await SignInAsync(bot, ReportWorld.Lia);
        var liaisonPage = await (await GetAsync(bot, liaison, "/reports/participation")).Content.ReadAsStringAsync();
        var before = Everyone.ToDictionary(p => p.UserId, p => bot.SentTo(p).Count);

        var byLiaison = await PostAsync(bot, liaison, form);
        var changed = await PostAsync(bot, admin, form.Select(f => f.Key == "value" ? new KeyValuePair<string, string>("value", "SCI") : f).ToList());
        var signedOut = await PostAsync(bot, null, form);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("row-action", liaisonPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byLiaison.StatusCode);
        Assert.Contains("Solo los administradores pueden enviar recordatorios", await byLiaison.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Contains("This form cannot be used", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.All(Everyone, p => Assert.Equal(before[p.UserId], bot.SentTo(p).Count));
    }

    private static IEnumerable<Persona> Everyone => Science.Concat(Art).Select(v => v.Persona);

    /// <summary>Science answers four in five, Art one in five, of an anonymous poll sent to both: Art is below the district's rate.</summary>
    private static async Task<BotApplication> StartAsync()
    {
        var bot = await ReportWorld.StartAskingAsync([.. Science, .. Art]);
        var (pollId, _) = await PollHost.ComposeAndSendAsync(bot, new { question = "Is the new rota fair?", options = "Yes\nNo", anonymous = "true", audienceKind = "Departments", audienceValues = "SCI,ART", closeDate = "2099-01-01" });
        foreach (var (_, person) in Science.Concat(Art))
        {
            await bot.Connector.WaitForActivitiesAsync(person.ConversationId);
        }
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, PollCounters.Area), r => r.District[PollCounters.Asked] == 10, "the 10 recipients counted");
        foreach (var (_, voter) in Science.Take(4).Append(Art[0]))
        {
            await PollHost.VoteAsync(bot, voter, pollId, "0");
        }
        return bot;
    }

    /// <summary>The hidden fields of the first form in the table with <paramref name="id"/>.</summary>
    private static List<KeyValuePair<string, string>> FormOf(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        var form = html[html.IndexOf("<form", start, StringComparison.Ordinal)..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        Assert.Contains("action=\"/reports/participation/remind\"", form, StringComparison.Ordinal);
        return [.. Hidden().Matches(form).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];
    }

    private static async Task<HttpResponseMessage> PostAsync(BotApplication bot, string? cookie, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reports/participation/remind") { Content = new FormUrlEncodedContent(fields) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await bot.Plain.SendAsync(request);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
