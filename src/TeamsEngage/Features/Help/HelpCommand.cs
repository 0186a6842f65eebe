using TeamsEngage.Bot;
using TeamsEngage.Commands;

namespace TeamsEngage.Features.Help;

/// <summary><c>help</c>: shows the commands the caller may use.</summary>
public sealed class HelpCommand(IServiceProvider services) : ICommand
{
    public BotCommand Command => BotCommands.Help;

    public Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var card = HelpCards.Help(context.Caller.Texts, Available(context.Caller));
        return context.Turn.SendAsync(Replies.Card(card, context.Caller.Texts["Help_Title"]), cancellationToken);
    }

    // The dispatcher knows every command, including this one, so it is looked up when needed rather than injected.
    internal IEnumerable<BotCommand> Available(Caller caller) =>
        services.GetRequiredService<CommandDispatcher>().AvailableTo(caller.Role);
}

/// <summary>The "Show what I can do" button: answers with the help card.</summary>
public sealed class ShowHelpAction(IServiceProvider services) : ICardAction
{
    public const string VerbName = "help.show";

    public string Verb => VerbName;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var commands = services.GetRequiredService<CommandDispatcher>().AvailableTo(context.Caller.Role);
        return Task.FromResult(CardActionResult.WithCard(HelpCards.Help(context.Caller.Texts, commands)));
    }
}
