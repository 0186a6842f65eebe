using TeamsEngage.Localization;
using TeamsEngage.Bot;

namespace TeamsEngage.Commands;

/// <summary>A command the bot understands, as typed in chat and as listed in the Teams app manifest.</summary>
/// <param name="Name">What the person types, lower case.</param>
/// <param name="DescriptionKey">The resource key of its one-line description.</param>
/// <param name="Audience">Who may use it.</param>
/// <param name="Aliases">Other words that run it, such as its Spanish name.</param>
public sealed record BotCommand(string Name, string DescriptionKey, Who Audience, IReadOnlyList<string>? Aliases = null)
{
    /// <summary>What to type in <paramref name="language"/>: the Spanish alias in Spanish, else the name.</summary>
    public string WordFor(string language) => language == "es" && Aliases is [var spanish, ..] ? spanish : Name;

    /// <summary>The name and every alias.</summary>
    public IEnumerable<string> Words => Aliases is null ? [Name] : [Name, .. Aliases];
}

/// <summary>The catalogue of commands. The manifest's command lists name exactly <see cref="Menu"/>.</summary>
public static class BotCommands
{
    public static readonly BotCommand Help = new("help", TextKeys.Command_Help, Who.Everyone, ["ayuda", "?"]);
    public static readonly BotCommand Report = new("report", TextKeys.Command_Report, Who.Everyone, ["reportar"]);
    public static readonly BotCommand MyIssues = new("my issues", TextKeys.Command_MyIssues, Who.Everyone, ["mis incidencias"]);
    public static readonly BotCommand Profile = new("profile", TextKeys.Command_Profile, Who.Everyone, ["perfil"]);
    public static readonly BotCommand Announce = new("announce", TextKeys.Command_Announce, Who.Administrators, ["anunciar"]);
    public static readonly BotCommand Notices = new("notices", TextKeys.Command_Notices, Who.Administrators, ["avisos"]);
    public static readonly BotCommand Poll = new("poll", TextKeys.Command_Poll, Who.Staff, ["encuesta"]);
    public static readonly BotCommand Polls = new("polls", TextKeys.Command_Polls, Who.Staff, ["encuestas"]);
    public static readonly BotCommand Survey = new("survey", TextKeys.Command_Survey, Who.Staff, ["cuestionario"]);
    public static readonly BotCommand Queue = new("queue", TextKeys.Command_Queue, Who.Staff, ["cola"]);
    public static readonly BotCommand Departments = new("departments", TextKeys.Command_Departments, Who.Administrators, ["departamentos"]);
    public static readonly BotCommand Import = new("import", TextKeys.Command_Import, Who.Administrators, ["importar"]);
    public static readonly BotCommand Privacy = new("privacy", TextKeys.Command_Privacy, Who.Administrators, ["privacidad"]);
    public static readonly BotCommand Calendar = new("calendar", TextKeys.Command_Calendar, Who.Administrators, ["calendario"]);
    public static readonly BotCommand Services = new("services", TextKeys.Command_Services, Who.Everyone, ["servicios"]);
    public static readonly BotCommand Feedback = new("feedback", TextKeys.Command_Feedback, Who.Everyone, ["opinión", "opinion"]);
    public static readonly BotCommand Ideas = new("ideas", TextKeys.Command_Ideas, Who.Everyone, ["propuestas"]);
    public static readonly BotCommand Triage = new("triage", TextKeys.Command_Triage, Who.Staff, ["clasificar"]);
    public static readonly BotCommand Digest = new("digest", TextKeys.Command_Digest, Who.Administrators, ["resumen"]);
    public static readonly BotCommand Reports = new("reports", TextKeys.Command_Reports, Who.Staff, ["informes"]);

    /// <summary>The commands a role uses week to week, offered as buttons on help and the welcome.</summary>
    public static IReadOnlyList<BotCommand> CommonFor(Role role) => role switch
    {
        Role.Administrator => [Announce, Poll, Polls, Reports, Queue],
        Role.Liaison => [Queue, Triage, Report, Profile],
        _ => [Report, MyIssues, Services, Profile],
    };

    public static IReadOnlyList<BotCommand> All { get; } = [Help, Report, MyIssues, Profile, Services, Feedback, Ideas, Announce, Notices, Poll, Polls, Survey, Queue, Triage, Reports, Digest, Departments, Import, Privacy, Calendar];

    /// <summary>
    /// The commands Teams lists in its command menu (the manifest's lists hold at most twelve): what people use week to
    /// week. The administrators' setup commands (digest, departments, import, privacy, calendar) are typed or found in
    /// <c>help</c>, which lists every command a person may use.
    /// </summary>
    public static IReadOnlyList<BotCommand> Menu { get; } = [Help, Report, MyIssues, Services, Feedback, Ideas, Profile, Poll, Queue, Triage, Announce, Notices];
}
