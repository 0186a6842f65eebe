using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Tenancy;

/// <summary>
/// One deployment serving two districts that use the same department codes (SCI). Alpha is the bot's home tenant: its
/// directory comes from the start-up CSV files and its administrator Adam is configured by email. Beta is another tenant:
/// its administrator Bob is configured as <c>{tenant}/{objectId}</c> and imports Beta's directory in Teams. Beta also has a
/// teacher whose email is Adam's (<see cref="AdamsNamesake"/>), to show that a configured email grants nothing across tenants.
/// </summary>
internal static class TwoDistricts
{
    public const string Alpha = Fixtures.TenantId;
    public const string Beta = Fixtures.OtherTenantId;

    public static readonly Persona Adam = Persona.Create("Adam Alpha-Admin", "adam");
    public static readonly Persona Ana = Persona.Create("Ana Alpha-Teacher", "ana-alpha");
    public static readonly Persona Liam = Persona.Create("Liam Alpha-Liaison", "liam");

    public static readonly Persona Bob = Persona.Create("Bob Beta-Admin", "bob").InTenant(Beta);
    public static readonly Persona Bea = Persona.Create("Bea Beta-Teacher", "bea").InTenant(Beta);
    public static readonly Persona Lena = Persona.Create("Lena Beta-Liaison", "lena").InTenant(Beta);
    public static readonly Persona AdamsNamesake = Persona.Create("Adam Beta-Namesake", "adam-beta").InTenant(Beta);

    public static IReadOnlyList<Persona> AlphaPeople { get; } = [Adam, Ana, Liam];

    public static IReadOnlyList<Persona> BetaPeople { get; } = [Bob, Bea, Lena, AdamsNamesake];

    public static async Task<BotApplication> StartAsync()
    {
        var settings = DirectorySeeding.Settings(
            departments: $"Alpha Science,SCI,{DirectorySeeding.EmailOf(Liam)},,4\nAlpha Math,MATH,,,8",
            people: $"{DirectorySeeding.EmailOf(Ana)},SCI,member,en");
        foreach (var (key, value) in OutboxHost.FastSettings())
        {
            settings[key] = value;
        }
        // Promises here are elapsed hours whatever the time the test runs; school time has its own tests.
        foreach (var (key, value) in Tickets.TicketWorld.RoundTheClock)
        {
            settings[key] = value;
        }
        settings["MicrosoftAppType"] = "MultiTenant";
        settings["TeamsEngage:AllowedTenants:0"] = Alpha;
        settings["TeamsEngage:AllowedTenants:1"] = Beta;
        settings["TeamsEngage:Administrators:0"] = DirectorySeeding.EmailOf(Adam);
        settings["TeamsEngage:Administrators:1"] = $"{Beta}/{Bob.AadObjectId}";
        var bot = await BotApplication.StartAsync(settings);
        foreach (var persona in AlphaPeople)
        {
            await bot.InstallAsync(persona);
        }
        foreach (var persona in new[] { Bob, Bea, Lena })
        {
            await bot.InstallAsync(persona);
        }
        await bot.InstallAsync(AdamsNamesake, DirectorySeeding.EmailOf(Adam));
        await ImportBetaAsync(bot);
        bot.Connector.ClearRequests();
        return bot;
    }

    /// <summary>Everything the connector was asked to send or update in any of <paramref name="people"/>'s chats.</summary>
    public static IReadOnlyList<RecordedRequest> MessagesTo(BotApplication bot, IEnumerable<Persona> people)
    {
        var conversations = people.Select(p => p.ConversationId).ToHashSet(StringComparer.Ordinal);
        return [.. bot.Connector.Requests.Where(r => r.ConversationId is { } id && conversations.Contains(id))];
    }

    private static async Task ImportBetaAsync(BotApplication bot)
    {
        var departments = $"department,code,liaison,backup,responseHours\nBeta Science,SCI,{DirectorySeeding.EmailOf(Lena)},,4\nBeta Art,ART,,,8";
        var people = $"email,department,role,language\n{DirectorySeeding.EmailOf(Bea)},SCI,member,en";
        var first = await bot.ExecuteAsync(Bob, "directory.import", new { kind = "departments", csv = departments });
        var second = await bot.ExecuteAsync(Bob, "directory.import", new { kind = "people", csv = people });
        Assert.DoesNotContain("Only administrators", first.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Only administrators", second.ToJsonString(), StringComparison.Ordinal);
    }
}
