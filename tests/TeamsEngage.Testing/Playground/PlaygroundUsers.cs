namespace TeamsEngage.Testing.Playground;

/// <summary>One person in the Playground's mock tenant (the fields its config file requires).</summary>
public sealed record PlaygroundUser(
    string Id,
    string Name,
    string UserPrincipalName,
    string AadObjectId,
    string GivenName,
    string Surname,
    string Email);

/// <summary>
/// The mock tenant the Playground is started with: the signed-in user, exactly five other users,
/// the bot account and the ids of the personal chat, group chat, team and extra channel.
/// </summary>
public sealed record PlaygroundUsers(
    string TenantId,
    string BotId,
    string BotName,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Others,
    string PersonalChatId = "personal-chat-id",
    string GroupChatId = "group-chat-id",
    string GroupChatName = "IT Liaisons",
    string TeamId = "team-id",
    string TeamName = "District IT",
    string TeamAadGroupId = "00000000-0000-0000-0000-000000000031",
    string ChannelId = "channel-announcements-id",
    string ChannelName = "Announcements")
{
    /// <summary>The Playground refuses a config whose user list does not hold exactly this many users.</summary>
    public const int RequiredOtherUsers = 5;

    /// <summary>A small school-district tenant: a teacher as the current user and five colleagues.</summary>
    public static PlaygroundUsers Default { get; } = new(
        TenantId: "00000000-0000-0000-0000-000000000001",
        BotId: "28:00000000-0000-0000-0000-000000000011",
        BotName: "TeamsEngage",
        CurrentUser: Person(0, "Alex", "Wilber"),
        Others:
        [
            Person(1, "Megan", "Bowen"),
            Person(2, "Adele", "Vance"),
            Person(3, "Isaiah", "Langer"),
            Person(4, "Patti", "Fernandez"),
            Person(5, "Lynne", "Robbins"),
        ]);

    private static PlaygroundUser Person(int index, string givenName, string surname)
    {
        var mail = (givenName + "." + surname + "@district.example").ToLowerInvariant();
        return new PlaygroundUser(
            Id: "user-id-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name: givenName + " " + surname,
            UserPrincipalName: mail,
            AadObjectId: "00000000-0000-0000-0000-0000000000" + (20 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            GivenName: givenName,
            Surname: surname,
            Email: mail);
    }
}
