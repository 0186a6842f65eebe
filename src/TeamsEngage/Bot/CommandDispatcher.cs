using TeamsEngage.Commands;

namespace TeamsEngage.Bot;

/// <summary>Finds the command a person typed, checks they may use it, and runs it; anything else gets help.</summary>
public sealed class CommandDispatcher(BotRoutes routes)
{
    // Built on first use: the features fill the route table after the container is built.
    private IReadOnlyList<(string Word, CommandRoute Command)>? _byWord;

    private IReadOnlyList<(string Word, CommandRoute Command)> ByWord => _byWord ??= routes.Commands
        .SelectMany(c => c.Command.Words.Select(w => (Word: w.ToLowerInvariant(), Command: c)))
        .OrderByDescending(e => e.Word.Length)
        .ToList();

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
            await turn.SendAsync(Unrecognized(caller, normalized), cancellationToken).ConfigureAwait(false);
            return;
        }
        var (command, arguments) = match.Value;
        if (!command.Command.Audience.Admits(caller.Role))
        {
            await turn.SendAsync(Replies.Text(caller.Texts.Refused_Command), cancellationToken).ConfigureAwait(false);
            return;
        }
        await command.Run(new CommandContext(turn, caller, arguments), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryFreeTextAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Length == 0)
        {
            return false;
        }
        foreach (var handler in routes.FreeText)
        {
            if (await handler.Run(context, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        return false;
    }

    private (CommandRoute Command, string Arguments)? Match(string text)
    {
        foreach (var (word, command) in ByWord)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (text.Length == word.Length || char.IsWhiteSpace(text[word.Length])))
            {
                return (command, text[word.Length..].Trim());
            }
        }
        return null;
    }

    // A suggestion comes with a button that types it, so one press runs what the person meant.
    private Connector.Schema.Activity Unrecognized(Caller caller, string text) => Suggestion(caller, text) is { } word
        ? Replies.TextWithCard(caller.Texts.Unknown_DidYouMean(word), new Cards.AdaptiveCard() { Actions = [Cards.TypedAction.Of(word)], FallbackText = word })
        : Replies.Text(caller.Texts.Unknown_Text);

    private string? Suggestion(Caller caller, string text)
    {
        var firstWords = text.ToLowerInvariant();
        var best = ByWord
            .Where(e => e.Command.Command.Audience.Admits(caller.Role))
            // Suggest the word of the person's language, whichever language's word was mistyped.
            .Select(e => (Name: e.Command.Command.WordFor(caller.Texts.Language), Distance: Levenshtein(e.Word, firstWords.Length > e.Word.Length + 2 ? firstWords[..(e.Word.Length + 2)].TrimEnd() : firstWords)))
            .Where(e => e.Distance <= 2)
            .OrderBy(e => e.Distance)
            .FirstOrDefault();
        return best.Name;
    }

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
