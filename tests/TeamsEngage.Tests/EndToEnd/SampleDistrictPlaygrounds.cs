using TeamsEngage.Testing;
using TeamsEngage.Testing.Playground;
using TeamsEngage.Tests.Outbox;

namespace TeamsEngage.Tests.EndToEnd;

/// <summary>
/// The sample district of README's "Trying it as several people at once" (samples/, samples/playground/): the same
/// six people, tenant and bot account, each person the signed-in user of a Playground of their own, with their own chat.
/// </summary>
internal static class SampleDistrictPlaygrounds
{
    public const string TenantId = "5f2b7c1e-9d4a-4e6b-8a3c-2d1e0f9a8b7c";

    public static readonly PlaygroundUser Admin = Person("ines.admin", "Ines", "Admin", 1);
    public static readonly PlaygroundUser Liaison = Person("lee.liaison", "Lee", "Liaison", 2);
    public static readonly PlaygroundUser Teacher = Person("sam.science", "Sam", "Science", 3);

    private static readonly PlaygroundUser[] Everyone =
    [
        Admin, Liaison, Teacher,
        Person("nora.newcomer", "Nora", "Newcomer", 4),
        Person("mia.math", "Mia", "Math", 5),
        Person("omar.office", "Omar", "Office", 6),
    ];

    /// <summary>The bot's settings with SAMPLE_DISTRICT=1 (scripts/run.sh), and an outbox that sends at once.</summary>
    public static Dictionary<string, string?> BotSettings()
    {
        var samples = Path.Combine(RepositoryPaths.Root, "samples");
        var settings = OutboxHost.FastSettings();
        settings["TeamsEngage:Directory:TenantId"] = TenantId;
        settings["TeamsEngage:Directory:DepartmentsCsv"] = Path.Combine(samples, "departments.csv");
        settings["TeamsEngage:Directory:PeopleCsv"] = Path.Combine(samples, "people.csv");
        settings["TeamsEngage:Administrators:0"] = $"{TenantId}/{Admin.AadObjectId}";
        return settings;
    }

    /// <summary>The Playground tenant as <paramref name="me"/> sees it: signed in as them, the five others as colleagues.</summary>
    public static PlaygroundUsers As(PlaygroundUser me) => new(
        TenantId: TenantId,
        BotId: "28:teamsengage-local",
        BotName: "TeamsEngage",
        CurrentUser: me,
        Others: [.. Everyone.Where(u => u != me)],
        PersonalChatId: "personal-" + me.Id["29:".Length..]);

    private static PlaygroundUser Person(string handle, string given, string surname, int index) => new(
        Id: "29:" + handle,
        Name: given + " " + surname,
        UserPrincipalName: handle + "@district.example",
        AadObjectId: $"a1d00000-0000-4000-8000-00000000000{index}",
        GivenName: given,
        Surname: surname,
        Email: handle + "@district.example");
}
