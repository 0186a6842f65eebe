namespace TeamsEngage.Commands;

/// <summary>Who a command is offered to.</summary>
public enum CommandAudience
{
    /// <summary>Every person: teachers, staff, liaisons and administrators.</summary>
    Everyone,
    /// <summary>Liaisons and administrators.</summary>
    Staff,
    /// <summary>Administrators only.</summary>
    Administrators,
}

/// <summary>A command the bot understands, as typed in chat and as listed in the Teams app manifest.</summary>
/// <param name="Name">What the person types, lower case.</param>
/// <param name="DescriptionKey">The resource key of its one-line description.</param>
/// <param name="Audience">Who may use it.</param>
/// <param name="Aliases">Other words that run it, such as its Spanish name.</param>
public sealed record BotCommand(string Name, string DescriptionKey, CommandAudience Audience, IReadOnlyList<string>? Aliases = null)
{
    /// <summary>The name and every alias.</summary>
    public IEnumerable<string> Words => Aliases is null ? [Name] : [Name, .. Aliases];
}

/// <summary>The catalogue of commands. The manifest's command lists must name exactly these.</summary>
public static class BotCommands
{
    public static readonly BotCommand Help = new("help", "Command_Help", CommandAudience.Everyone, ["ayuda", "?"]);

    public static IReadOnlyList<BotCommand> All { get; } = [Help];
}
