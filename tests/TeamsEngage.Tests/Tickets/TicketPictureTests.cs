using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

/// <summary>
/// A picture sent in the chat right after reporting goes with the ticket to its liaison. Files are served by the
/// connector stub on 127.0.0.1 (loopback http allowed in tests only); Ben is Science's liaison.
/// </summary>
public sealed class TicketPictureTests
{
    private static readonly Dictionary<string, string?> LoopbackFiles = new() { ["TeamsEngage:Files:AllowLoopbackHttp"] = "true" };
    private static readonly byte[] Screenshot = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 120_000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task APictureSentRightAfterReportingGoesWithTheTicketAndItsLiaisonOpensItFromTheMessage()
    {
        await using var bot = await StartAsync(extra: LoopbackFiles);
        var id = await bot.ReportAsync(Ana);
        var link = bot.Connector.ServeFile("files/screen.png", Screenshot);

        await ChatFiles.SendAsync(bot, Ana, "screen.png", link);

        Assert.Equal($"Your picture is now with {id}; Ben Okafor can see it.", bot.SentTo(Ana)[^1].Text);
        var told = SentCards.CardOf(await bot.WaitForSentAsync(Ben, "added picture 1"));
        var open = Assert.Single(told["actions"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!;
        Assert.Equal("Picture 1", open["title"]!.GetValue<string>());
        var address = new Uri(open["url"]!.GetValue<string>());
        using var picture = await bot.Http.GetAsync(new Uri(address.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], picture.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(Screenshot, await picture.Content.ReadAsByteArrayAsync());
        Assert.Null(Assert.Single(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File)).Authorization);
        string cardId;
        using (Fixtures.InHomeTenant())
        {
            cardId = await bot.DeliveredCardIdAsync(id, Ben);
        }
        await bot.WaitForUpdateAsync(cardId, "Action.OpenUrl", "Picture 1", address.PathAndQuery.Split('?')[0]);
        var report = await AdaptiveCardsParser.ValidateAsync("tickets.picture-added", told);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task APictureLinkWithAnAlteredTicketNumberOrSignatureOpensNothing()
    {
        await using var bot = await StartAsync(extra: LoopbackFiles);
        var id = await bot.ReportAsync(Ana);
        await ChatFiles.SendAsync(bot, Ana, "screen.png", bot.Connector.ServeFile("files/screen.png", Screenshot));
        var told = SentCards.CardOf(await bot.WaitForSentAsync(Ben, "added picture 1"));
        var address = new Uri(told["actions"]!.AsArray().First(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>());
        var signed = address.PathAndQuery;

        using var otherNumber = await bot.Http.GetAsync(new Uri(signed.Replace("/files/1", "/files/2", StringComparison.Ordinal), UriKind.Relative));
        using var otherSignature = await bot.Http.GetAsync(new Uri(signed[..^4] + (signed[^4..] == "AAAA" ? "BBBB" : "AAAA"), UriKind.Relative));
        using var otherTicket = await bot.Http.GetAsync(new Uri(signed.Replace(id, "SCI-0999", StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, otherNumber.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSignature.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTicket.StatusCode);
    }

    [Fact]
    public async Task APastedPictureIsFetchedWithTheBotsTokenOnlyFromTheChannelsOwnHost()
    {
        await using var bot = await StartAsync(extra: LoopbackFiles);
        await bot.ReportAsync(Ana);
        var own = bot.Connector.ServeFile("v3/attachments/0-abc/views/original", Screenshot);
        var elsewhere = new UriBuilder(bot.Connector.ServeFile("elsewhere/views/original", Screenshot)) { Host = "localhost" }.Uri;

        await ChatFiles.SendPictureAsync(bot, Ana, own);
        await ChatFiles.SendPictureAsync(bot, Ana, elsewhere);

        var fetched = bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File).ToList();
        Assert.Equal(2, fetched.Count);
        Assert.Equal("Bearer test-outbound-token", fetched.Single(r => r.Path.Contains("0-abc", StringComparison.Ordinal)).Authorization);
        Assert.Null(fetched.Single(r => r.Path.Contains("elsewhere", StringComparison.Ordinal)).Authorization);
        await bot.WaitForSentAsync(Ben, "added picture 2");
    }

    [Fact]
    public async Task AFileThatIsNotAPictureIsRefusedAndAPictureWithoutARecentReportIsNeitherFetchedNorKept()
    {
        await using var bot = await StartAsync(extra: LoopbackFiles);
        var id = await bot.ReportAsync(Ana);
        var page = bot.Connector.ServeFile("files/screen.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));

        await ChatFiles.SendAsync(bot, Ana, "screen.png", page);
        await ChatFiles.SendAsync(bot, Carmen, "captura.png", bot.Connector.ServeFile("files/captura.png", Screenshot));

        Assert.Equal("That file is not a picture (PNG, JPEG, GIF or WebP), so it was not added.", bot.SentTo(Ana)[^1].Text);
        Assert.Equal("Para añadir una imagen a un problema, repórtalo primero (escribe **reportar**) y luego envía la imagen aquí en menos de 30 minutos.", bot.SentTo(Carmen)[^1].Text);
        Assert.DoesNotContain(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File), r => r.Path.Contains("captura", StringComparison.Ordinal));
        using var home = Fixtures.InHomeTenant();
        var rows = await bot.Services.GetRequiredService<ITableStore>().Table(TicketStore.TableName).QueryAllAsync(id).ToListAsync();
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith('f'));
    }

    [Fact]
    public async Task APersonsPicturesAreInTheirExportAndErasureDeletesEveryRowOfThem()
    {
        await using var bot = await StartAsync(extra: LoopbackFiles);
        var id = await bot.ReportAsync(Ana);
        await ChatFiles.SendAsync(bot, Ana, "screen.png", bot.Connector.ServeFile("files/screen.png", Screenshot));
        var privacy = bot.Services.GetRequiredService<Features.Privacy.PersonalDataService>();
        using var home = Fixtures.InHomeTenant();

        var export = Encoding.UTF8.GetString((await privacy.ExportAsync(DirectorySeeding.KeyOf(Ana), CancellationToken.None))!.Json!);
        await privacy.EraseAsync(DirectorySeeding.KeyOf(Ana), "test", CancellationToken.None);

        Assert.Contains("screen.png", export, StringComparison.Ordinal);
        var rows = await bot.Services.GetRequiredService<ITableStore>().Table(TicketStore.TableName).QueryAllAsync(id).ToListAsync();
        Assert.Contains(rows, r => r.RowKey == "ticket");
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith('f'));
        Assert.Empty(await bot.Services.GetRequiredService<TicketFiles>().ListAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task PicturesSentAtOnceAreEachKeptWholeUnderTheirOwnNumber()
    {
        await using var bot = await StartAsync(extra: LoopbackFiles);
        var id = await bot.ReportAsync(Ana);
        byte[][] pictures = [.. Enumerable.Range(1, 3).Select(n => (byte[])[.. Screenshot.Take(8), .. Enumerable.Repeat((byte)n, 60_000 * n)])];

        await Task.WhenAll(pictures.Select((bytes, i) => ChatFiles.SendAsync(bot, Ana, $"screen{i}.png", bot.Connector.ServeFile($"files/screen{i}.png", bytes))));

        using var home = Fixtures.InHomeTenant();
        var files = bot.Services.GetRequiredService<TicketFiles>();
        Assert.Equal([1, 2, 3], (await files.ListAsync(id, CancellationToken.None)).Select(f => f.Number));
        var kept = new List<byte[]>();
        for (var number = 1; number <= 3; number++)
        {
            kept.Add((await files.ReadAsync(id, number, CancellationToken.None))!.Value.Bytes);
        }
        Assert.Equal(pictures.Select(p => p.Length).Order(), kept.Select(k => k.Length).Order());
        Assert.All(kept, k => Assert.Contains(pictures, p => p.SequenceEqual(k)));
    }

    [Fact]
    public void OnlyTheFirstBytesDecideWhetherAFileIsAPicture()
    {
        Assert.Equal("image/png", TicketPictures.PictureType(Screenshot));
        Assert.Equal("image/jpeg", TicketPictures.PictureType([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal("image/gif", TicketPictures.PictureType("GIF89a..."u8));
        Assert.Equal("image/webp", TicketPictures.PictureType("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Null(TicketPictures.PictureType("RIFF\0\0\0\0WAVEfmt "u8));
        Assert.Null(TicketPictures.PictureType("<svg onload=alert(1)>"u8));
        Assert.Null(TicketPictures.PictureType([0x89, 0x50, 0x4E]));
    }
}
