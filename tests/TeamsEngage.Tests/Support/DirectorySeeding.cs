using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Tests.Support;

/// <summary>
/// Starts a bot with a directory: departments and people CSV files imported at start-up, configured administrators,
/// and personas who have installed the bot. Everyone's email is <c>handle@school.example</c> (see <see cref="EmailOf"/>).
/// <example>
/// <code>
/// await using var bot = await DirectorySeeding.StartAsync(
///     departments: $"Science,SCI,{DirectorySeeding.EmailOf(Persona.Ana)},,24",
///     people: $"{DirectorySeeding.EmailOf(Persona.Carmen)},SCI,member,es",
///     administrators: [Persona.Ben],
///     installed: [Persona.Ana, Persona.Ben, Persona.Carmen]);
/// </code>
/// Ana is then SCI's liaison, can be reached, and her person key is her lower-case object id.
/// </example>
/// </summary>
public static class DirectorySeeding
{
    public const string Domain = "school.example";

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "teamsengage-seeding-" + Environment.ProcessId);

    static DirectorySeeding() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is in the temp directory.
        }
    };

    /// <summary>The persona's email and UPN: their handle at <see cref="Domain"/> (Persona.Ana → ana@school.example).</summary>
    public static string EmailOf(Persona persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var handle = persona.UserId["29:1".Length..persona.UserId.LastIndexOf('-')];
        return $"{handle}@{Domain}";
    }

    /// <summary>The persona's directory key once they have talked to the bot.</summary>
    public static string KeyOf(Persona persona) => persona.AadObjectId.ToLowerInvariant();

    /// <summary>
    /// Settings for <see cref="BotApplication.StartAsync"/>: the CSV texts (without or with a header) written to files and
    /// configured as TeamsEngage:Directory:DepartmentsCsv / PeopleCsv, and the administrators by object id.
    /// </summary>
    public static Dictionary<string, string?> Settings(string? departments = null, string? people = null, IEnumerable<Persona>? administrators = null)
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>();
        if (departments is not null)
        {
            var path = Path.Combine(folder, "departments.csv");
            File.WriteAllText(path, departments);
            settings["TeamsEngage:Directory:DepartmentsCsv"] = path;
        }
        if (people is not null)
        {
            var path = Path.Combine(folder, "people.csv");
            File.WriteAllText(path, people);
            settings["TeamsEngage:Directory:PeopleCsv"] = path;
        }
        var index = 0;
        foreach (var admin in administrators ?? [])
        {
            settings[$"TeamsEngage:Administrators:{index++}"] = admin.AadObjectId;
        }
        return settings;
    }

    /// <summary>Starts a seeded bot, installs it for <paramref name="installed"/>, then forgets the connector requests so far.</summary>
    public static async Task<BotApplication> StartAsync(
        string? departments = null,
        string? people = null,
        IEnumerable<Persona>? administrators = null,
        IEnumerable<Persona>? installed = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null,
        TimeProvider? clock = null,
        bool loopback = false,
        string? dataDirectory = null)
    {
        var all = Settings(departments, people, administrators);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var bot = await BotApplication.StartAsync(all, services: services, clock: clock, loopback: loopback, dataDirectory: dataDirectory);
        foreach (var persona in installed ?? [])
        {
            await bot.InstallAsync(persona);
        }
        bot.Connector.ClearRequests();
        return bot;
    }

    /// <summary>
    /// The persona installs the bot: the connector stub answers their member lookup with <see cref="EmailOf"/>, and
    /// Teams' installationUpdate reaches the bot (which records them, merges their imported row and welcomes them).
    /// <paramref name="email"/> replaces the email the lookup answers with.
    /// </summary>
    public static async Task InstallAsync(this BotApplication bot, Persona persona, string? email = null, bool? welcomed = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(persona);
        email ??= EmailOf(persona);
        bot.Connector.SetMembers(persona.ConversationId, new TeamsChannelAccount
        {
            Id = persona.UserId,
            AadObjectId = persona.AadObjectId,
            Name = persona.Name,
            Email = email,
            UserPrincipalName = email,
            TenantId = persona.TenantId,
            UserRole = "user",
        });
        // A chat welcomed before (a restart on the same store, an install after an uninstall) is not welcomed again.
        welcomed ??= !await WasWelcomedAsync(bot, persona);
        var before = bot.SentTo(persona).Count;
        using var response = await bot.PostFixtureAsync("installation-add.json", persona);
        response.EnsureSuccessStatusCode();
        if (welcomed == true)
        {
            // The welcome goes through the outbox: wait for it, so a test's later counts start after it.
            await bot.Connector.WaitForActivitiesAsync(persona.ConversationId, before + 1, TimeSpan.FromSeconds(15));
        }
    }

    private static async Task<bool> WasWelcomedAsync(BotApplication bot, Persona persona)
    {
        using var tenant = TeamsEngage.Storage.TenantScope.Enter(persona.TenantId);
        var ledger = bot.Services.GetRequiredService<TeamsEngage.Storage.ITableStore>().Table(TeamsEngage.Features.Directory.WelcomeLedger.TableName);
        return await ledger.GetAsync(TeamsEngage.Storage.StoreKey.Escape(persona.ConversationId), "welcome") is not null;
    }
}
