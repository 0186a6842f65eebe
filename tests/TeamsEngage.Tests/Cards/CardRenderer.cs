using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsEngage.Testing;
using TeamsEngage.Tests.Reports;

namespace TeamsEngage.Tests.Cards;

/// <summary>What the official renderer made of a card: its parse and validation events, visible text, buttons and width.</summary>
internal sealed record RenderedCard(
    IReadOnlyList<string> Events,
    string Text,
    IReadOnlyList<string> Buttons,
    IReadOnlyList<string> ClippedButtons,
    int ScrollWidth,
    int ClientWidth,
    IReadOnlyList<string> SticksOut);

/// <summary>
/// The adaptivecards package's renderer in Debian's Chromium (launched like the reports' browser), on a local page with
/// a host config resembling Teams' light theme and a chat column 500 px wide. Nothing is fetched from any host.
/// </summary>
internal sealed class CardRenderer : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "TeamsEngage.Tests", "Cards", "Rendering");
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly ReportBrowser _browser;
    private readonly JsonNode _hostConfig;
    private readonly List<string> _errors = [];

    private CardRenderer(ReportBrowser browser, JsonNode hostConfig)
    {
        _browser = browser;
        _hostConfig = hostConfig;
        browser.Page.Console += (_, message) => { if (message.Type == "error") { lock (_errors) { _errors.Add(message.Text); } } };
        browser.Page.PageError += (_, error) => { lock (_errors) { _errors.Add(error); } };
    }

    /// <summary>Console errors and page errors so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<CardRenderer> StartAsync()
    {
        var library = Path.Combine(RepositoryPaths.NodePeers, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        if (!File.Exists(library))
        {
            throw new InvalidOperationException($"The adaptivecards renderer is not installed at {library}: run npm ci in tests/node.");
        }
        var browser = await ReportBrowser.StartAsync(new Uri("http://127.0.0.1/"));
        var renderer = new CardRenderer(browser, JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "teams-light.hostconfig.json")))!);
        await browser.Page.SetContentAsync(await File.ReadAllTextAsync(Path.Combine(Folder, "card-page.html")));
        await browser.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = library });
        await browser.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(Folder, "render-card.js") });
        return renderer;
    }

    /// <summary>Renders the card in the chat column and saves its screenshot as card-<paramref name="name"/>.png in docs/screenshots (or <paramref name="folder"/>).</summary>
    public async Task<RenderedCard> RenderAsync(JsonNode card, string name, string? folder = null)
    {
        var result = await _browser.Page.EvaluateAsync<JsonElement>("([card, config]) => window.renderCard(JSON.parse(card), JSON.parse(config))", new object[] { card.ToJsonString(), _hostConfig.ToJsonString() });
        var rendered = result.Deserialize<RenderedCard>(Web)!;
        await _browser.Page.Locator("#chat").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(folder ?? Path.Combine(RepositoryPaths.Root, "docs", "screenshots"), $"card-{name}.png"),
        });
        return rendered with { Events = rendered.Events ?? [], Buttons = rendered.Buttons ?? [], ClippedButtons = rendered.ClippedButtons ?? [], SticksOut = rendered.SticksOut ?? [] };
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
