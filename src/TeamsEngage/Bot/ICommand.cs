using TeamsEngage.Commands;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Bot;

/// <summary>A chat command of a feature, such as <c>help</c> or <c>report</c>.</summary>
public interface ICommand
{
    /// <summary>The command's entry in the catalogue: its name and who may use it.</summary>
    BotCommand Command { get; }

    /// <summary>Runs the command. The caller's role has already been checked against <see cref="BotCommand.Audience"/>.</summary>
    Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}

/// <summary>A command being run: the turn, who runs it, and what they typed after the command name.</summary>
public sealed record CommandContext(TurnContext Turn, Caller Caller, string Arguments);
