using System.ComponentModel.DataAnnotations;
using TeamsEngage.Commands;

namespace TeamsEngage.Bot;

/// <summary>
/// The table of everything the bot answers: commands, card actions by verb and free-text handlers. Each feature fills
/// it from its <c>Map…()</c> method at start-up; the dispatchers read it. The services a handler names are taken from
/// the turn's services, so no feature looks anything up itself.
/// </summary>
public sealed class BotRoutes(IServiceProviderIsService registered)
{
    private readonly Dictionary<string, ActionRoute> _actions = new(StringComparer.Ordinal);
    private readonly List<CommandRoute> _commands = [];
    private readonly List<FreeTextRoute> _freeText = [];

    /// <summary>Every command that has a handler.</summary>
    public IReadOnlyList<CommandRoute> Commands => _commands;

    /// <summary>Free-text handlers, lowest order first.</summary>
    public IReadOnlyList<FreeTextRoute> FreeText => _freeText;

    /// <summary>Every verb that has a handler.</summary>
    public IReadOnlyCollection<string> Verbs => _actions.Keys;

    /// <summary>A group of card actions that share the feature's refusal sentences.</summary>
    public ActionGroup MapActions(ActionReplies replies) => new(this, replies);

    /// <summary>Declares the handler of a command; who may run it is the command's <see cref="BotCommand.Audience"/>.</summary>
    public BotRoutes MapCommand<TService>(BotCommand command, Func<CommandContext, TService, CancellationToken, Task> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireRegistered<TService>(command.Name);
        if (_commands.Any(c => c.Command == command))
        {
            throw new InvalidOperationException($"The command '{command.Name}' has two handlers.");
        }
        _commands.Add(new CommandRoute(command, (context, ct) => handler(context, Service<TService>(context.Turn.Services), ct)));
        return this;
    }

    /// <summary>Declares a chance to answer text that is not a command, before the bot says it did not understand.</summary>
    public BotRoutes MapFreeText<TService>(int order, Func<CommandContext, TService, CancellationToken, Task<bool>> handler)
        where TService : notnull
    {
        RequireRegistered<TService>($"free text {order}");
        _freeText.Add(new FreeTextRoute(order, (context, ct) => handler(context, Service<TService>(context.Turn.Services), ct)));
        _freeText.Sort((a, b) => a.Order.CompareTo(b.Order));
        return this;
    }

    /// <summary>The commands a person with <paramref name="role"/> may use, in catalogue order.</summary>
    public IEnumerable<BotCommand> CommandsFor(Role role) =>
        BotCommands.All.Where(c => c.Audience.Admits(role) && _commands.Any(r => r.Command == c));

    internal ActionRoute? FindAction(string verb) => _actions.GetValueOrDefault(verb);

    internal void Add(ActionRoute route)
    {
        if (!_actions.TryAdd(route.Verb, route))
        {
            throw new InvalidOperationException($"Two card actions claim the verb '{route.Verb}'.");
        }
    }

    internal void RequireRegistered<TService>(string what)
    {
        if (!registered.IsService(typeof(TService)))
        {
            throw new InvalidOperationException($"The handler of {what} needs {typeof(TService).Name}, which is not registered.");
        }
    }

    internal static TService Service<TService>(IServiceProvider services) where TService : notnull =>
        services.GetRequiredService<TService>();

    /// <summary>Binds card data and checks its annotations; null when the data does not have the record's shape.</summary>
    internal static TData? BindValid<TData>(CardActionContext context) where TData : class
    {
        var data = CardData.Bind<TData>(context.RawData);
        return data is not null && Validator.TryValidateObject(data, new ValidationContext(data), null, validateAllProperties: true) ? data : null;
    }
}

/// <summary>One card action: its verb, who may use it, the feature's refusal sentences and what it does.</summary>
public sealed record ActionRoute(string Verb, Who Audience, ActionReplies Replies, Func<CardActionContext, CancellationToken, Task<CardActionResult>> Run);

/// <summary>One command and what it does.</summary>
public sealed record CommandRoute(BotCommand Command, Func<CommandContext, CancellationToken, Task> Run);

/// <summary>One free-text handler: true when it answered.</summary>
public sealed record FreeTextRoute(int Order, Func<CommandContext, CancellationToken, Task<bool>> Run);

/// <summary>A command being run: the turn, who runs it, and what they typed after the command name.</summary>
public sealed record CommandContext(Connector.Routing.TurnContext Turn, Caller Caller, string Arguments)
{
    /// <summary>The caller's language.</summary>
    public Localization.Texts Texts => Caller.Texts;
}

/// <summary>Reaching the route table from a feature's <c>Map…()</c> method.</summary>
public static class BotRoutesEndpointExtensions
{
    /// <summary>The table the features declare their commands and card actions in.</summary>
    public static BotRoutes BotRoutes(this IEndpointRouteBuilder app) => app.ServiceProvider.GetRequiredService<BotRoutes>();
}
