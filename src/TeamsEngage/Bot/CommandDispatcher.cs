using TeamsEngage.Commands;
using TeamsEngage.People;

namespace TeamsEngage.Bot;

/// <summary>Finds the command a person typed, checks they may use it, and runs it; anything else gets help.</summary>
public sealed class CommandDispatcher(IEnumerable<ICommand> commands, IEnumerable<IFreeTextHandler> freeText)
{
    private readonly IReadOnlyList<IFreeTextHandler> _freeText = [.. freeText.OrderBy(h => h.Order)];

    private readonly IReadOnlyList<(string Word, ICommand Command)> _byWord = commands
        .SelectMany(c => c.Command.Words.Select(w => (Word: w.ToLowerInvariant(), Command: c)))
        .OrderByDescending(e => e.Word.Length)
        .ToList();

    /// <summary>The commands a caller with <paramref name="role"/> may use, in catalogue order.</summary>
    public IEnumerable<BotCommand> AvailableTo(Role role) =>
        BotCommands.All.Where(c => IsAllowed(c.Audience, role) && _byWord.Any(e => e.Command.Command == c));

    /// <summary>Runs the command in <paramref name="text"/>, or tells the caller what went wrong.</summary>
    public async Task DispatchAsync(Connector.Routing.TurnContext turn, Caller caller, string text, CancellationToken cancellationToken)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimStart('/');
        var match = Match(normalized);
        if (match is null)
        {
            if (await TryFreeTextAsync(new CommandContext(turn, caller, text.Trim()), cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            await turn.SendAsync(Replies.Text(Unrecognized(caller, normalized)), cancellationToken).ConfigureAwait(false);
            return;
        }
        var (command, arguments) = match.Value;
        if (!IsAllowed(command.Command.Audience, caller.Role))
        {
            await turn.SendAsync(Replies.Text(caller.Texts["Refused_Command"]), cancellationToken).ConfigureAwait(false);
            return;
        }
        await command.ExecuteAsync(new CommandContext(turn, caller, arguments), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryFreeTextAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Length == 0)
        {
            return false;
        }
        foreach (var handler in _freeText)
        {
            if (await handler.TryHandleAsync(context, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        return false;
    }

    private (ICommand Command, string Arguments)? Match(string text)
    {
        foreach (var (word, command) in _byWord)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (text.Length == word.Length || char.IsWhiteSpace(text[word.Length])))
            {
                return (command, text[word.Length..].Trim());
            }
        }
        return null;
    }

    private string Unrecognized(Caller caller, string text)
    {
        var firstWords = text.ToLowerInvariant();
        var best = _byWord
            .Where(e => IsAllowed(e.Command.Command.Audience, caller.Role))
            .Select(e => (e.Command.Command.Name, Distance: Levenshtein(e.Word, firstWords.Length > e.Word.Length + 2 ? firstWords[..(e.Word.Length + 2)].TrimEnd() : firstWords)))
            .Where(e => e.Distance <= 2)
            .OrderBy(e => e.Distance)
            .FirstOrDefault();
        return best.Name is null ? caller.Texts["Unknown_Text"] : caller.Texts.Format("Unknown_DidYouMean", best.Name);
    }

    private static bool IsAllowed(CommandAudience audience, Role role) => audience switch
    {
        CommandAudience.Everyone => true,
        CommandAudience.Staff => role >= Role.Liaison,
        CommandAudience.Administrators => role >= Role.Administrator,
        _ => false,
    };

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
