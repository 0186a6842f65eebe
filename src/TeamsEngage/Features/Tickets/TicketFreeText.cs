using System.Globalization;
using System.Text;
using TeamsEngage.Bot;
using TeamsEngage.Catalogue;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Free text in the chat: with a claimed open ticket it goes to that ticket's liaison (asking which ticket when there
/// are several); otherwise text that reads like a question or a problem is first answered with the catalogue's best
/// FAQ entries in the person's language, with the report form one press away; a problem nothing answers gets the
/// report form, prefilled.
/// </summary>
public sealed class TicketFreeText(TicketStore tickets, TicketReporterDesk reporterDesk, ServiceCatalogue catalogue, FaqFinder faq)
{
    /// <summary>True when the text was taken as a message about a ticket or offered as a report.</summary>
    public async Task<bool> TryHandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var claimed = new List<Ticket>();
        await foreach (var ticket in tickets.ListByReporterAsync(context.Caller.UserId, cancellationToken).ConfigureAwait(false))
        {
            if (ticket.Status == TicketStatus.Claimed)
            {
                claimed.Add(ticket);
            }
        }
        if (claimed.Count == 1)
        {
            var sent = await reporterDesk.SayAsync(claimed[0], context.Arguments, texts, cancellationToken).ConfigureAwait(false);
            await context.Turn.SendAsync(Replies.Text(sent), cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (claimed.Count > 1)
        {
            var card = TicketMessageCards.WhichTicket([.. claimed.OrderByDescending(t => t.CreatedAt)], context.Arguments, texts);
            await context.Turn.SendAsync(Replies.Card(card, texts.Tickets_WhichTitle), cancellationToken).ConfigureAwait(false);
            return true;
        }
        var problem = ProblemWords.ReadsLikeAProblem(context.Arguments);
        if ((problem || QuestionWords.ReadsLikeAQuestion(context.Arguments))
            && faq.Find(await catalogue.ListAsync(cancellationToken).ConfigureAwait(false), context.Arguments, texts.Culture) is { Count: > 0 } answers)
        {
            var card = TicketServiceCards.Answers(texts, answers, Clip(context.Arguments));
            await context.Turn.SendAsync(Replies.Card(card, texts.Tickets_AnswersTitle), cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (problem)
        {
            var form = TicketCards.ReportForm(texts, new ReportFormData(Description: Clip(context.Arguments)), intro: texts.Tickets_FormProblemIntro);
            await context.Turn.SendAsync(Replies.Card(form, texts.Tickets_FormTitle), cancellationToken).ConfigureAwait(false);
            return true;
        }
        return false;
    }

    private static string Clip(string text) => text.Length > TicketCards.MaxDescription ? text[..TicketCards.MaxDescription] : text;
}

/// <summary>Whether text reads like a question, in English or Spanish: a question mark, or a question word first.</summary>
public static class QuestionWords
{
    private static readonly string[] Openers =
    [
        "how", "what", "why", "where", "when", "who", "which", "can", "could", "do", "does", "is", "are", "should", "will",
        "como", "que", "por que", "donde", "cuando", "quien", "cual", "puedo", "se puede", "hay", "tengo que", "debo",
    ];

    public static bool ReadsLikeAQuestion(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }
        if (trimmed.EndsWith('?') || trimmed.StartsWith('¿'))
        {
            return true;
        }
        var folded = ProblemWords.Fold(trimmed) + " ";
        return Openers.Any(o => folded.StartsWith(o + " ", StringComparison.Ordinal));
    }
}

/// <summary>Words that say something is wrong, in English and Spanish, matched without case or accents.</summary>
public static class ProblemWords
{
    private static readonly string[] Phrases =
    [
        "broken", "not working", "isn't working", "isnt working", "doesn't work", "doesnt work", "does not work", "won't", "wont turn",
        "error", "can't", "cant ", "cannot", "unable to", "stopped working", "crash", "frozen", "freezes", "no sound", "no internet",
        "problem", "issue with", "help me", "failed", "fails",
        "no funciona", "no anda", "roto", "rota", "no puedo", "no se puede", "no enciende", "no sirve", "falla", "problema",
        "se cuelga", "no carga", "sin internet", "sin sonido", "averiado", "averiada", "no prende",
    ];

    public static bool ReadsLikeAProblem(string text)
    {
        var folded = " " + Fold(text) + " ";
        return Phrases.Any(p => ContainsWord(folded, Fold(p)));
    }

    private static bool ContainsWord(string text, string phrase)
    {
        var index = text.IndexOf(phrase, StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index == 0 || !char.IsLetter(text[index - 1]);
            var end = index + phrase.Length;
            var after = end >= text.Length || !char.IsLetter(text[end]) || !char.IsLetter(phrase[^1]);
            if (before && after)
            {
                return true;
            }
            index = text.IndexOf(phrase, index + 1, StringComparison.Ordinal);
        }
        return false;
    }

    internal static string Fold(string text)
    {
        var decomposed = text.Replace('\u2019', '\'').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            result.Append(c);
        }
        return result.ToString();
    }
}
