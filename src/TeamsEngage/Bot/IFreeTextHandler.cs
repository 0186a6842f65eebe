namespace TeamsEngage.Bot;

/// <summary>
/// A chance for a feature to answer text that is not a command (a message for a liaison, a problem described in
/// words) before the bot says it did not understand. Handlers are tried in <see cref="Order"/>.
/// </summary>
public interface IFreeTextHandler
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>Answers the text and returns true, or returns false to let the next handler (or the "unknown" reply) have it.</summary>
    Task<bool> TryHandleAsync(CommandContext context, CancellationToken cancellationToken);
}
