using TeamsEngage.Bot;
using TeamsEngage.Outcomes;

namespace TeamsEngage.Features.Feedback;

/// <summary>Sharing feedback: the form, near-duplicates offered before filing, filing (named or anonymous), and "Me too".</summary>
public sealed partial class FeedbackDesk(FeedbackStore store, FeedbackTopics topics, FeedbackSimilar similar, TimeProvider clock, ILogger<FeedbackDesk> logger)
{
    public const int MaxText = 1000;
    private const int TopicsPerSource = 15;

    /// <summary><c>feedback</c>: the form.</summary>
    public async Task OpenAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var choices = await topics.ChoicesAsync(command.Caller.UserId, TopicsPerSource, cancellationToken).ConfigureAwait(false);
        var card = FeedbackCards.Form(command.Texts, choices, new SubmitData(Text: command.Arguments.Length == 0 ? null : command.Arguments));
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Feedback_FormTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The form from a button, the topic pre-selected when the button names one (a service's or a notice's card).</summary>
    public async Task<CardActionResult> ComposeAsync(CardAction<ComposeData> action, CancellationToken cancellationToken)
    {
        var choices = (await topics.ChoicesAsync(action.Caller.UserId, TopicsPerSource, cancellationToken).ConfigureAwait(false)).ToList();
        var chosen = await topics.FindAsync(action.Data.Topic, cancellationToken).ConfigureAwait(false);
        if (chosen is { Key: not FeedbackTopic.General } && !choices.Any(c => c.Key == chosen.Key))
        {
            choices.Insert(0, chosen);
        }
        var card = FeedbackCards.Form(action.Texts, choices, new SubmitData(Topic: chosen?.Key));
        await action.Turn.SendAsync(Replies.Card(card, action.Texts.Feedback_FormTitle), cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(action.Texts.Feedback_FormOpened);
    }

    /// <summary>The filled form: refused with its errors, answered with similar items, or filed.</summary>
    public async Task<CardActionResult> SubmitAsync(CardAction<SubmitData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var data = action.Data;
        var text = data.Text?.Trim();
        var kind = Enum.TryParse<FeedbackKind>(data.Kind, ignoreCase: false, out var k) && Enum.IsDefined(k) ? k : (FeedbackKind?)null;
        var topic = await topics.FindAsync(data.Topic, cancellationToken).ConfigureAwait(false);
        if (kind is null || string.IsNullOrEmpty(text) || text.Length > MaxText || topic is null)
        {
            var choices = await topics.ChoicesAsync(action.Caller.UserId, TopicsPerSource, cancellationToken).ConfigureAwait(false);
            return CardActionResult.WithCard(FeedbackCards.Form(texts, choices, data, texts.Feedback_FormIncomplete(MaxText)));
        }
        if (data.FileAnyway != "true")
        {
            var open = (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Where(i => i.IsOpen).ToList();
            var alike = similar.Find(open, text, texts.Culture);
            if (alike.Count > 0)
            {
                return CardActionResult.WithCard(FeedbackCards.Similar(texts, alike, data with { Text = text }));
            }
        }
        var item = await FileAsync(action.Caller, kind.Value, text, topic, data.Anonymous == "true", cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(FeedbackCards.Filed(texts, item));
    }

    /// <summary>"Me too": counted once per person; nobody is ever shown who supports an item.</summary>
    public async Task<CardActionResult> SupportAsync(CardAction<SupportData, FeedbackItem> action, CancellationToken cancellationToken)
    {
        var item = action.Entity;
        var texts = action.Texts;
        if (!item.IsOpen)
        {
            return CardActionResult.WithMessage(texts.Feedback_SupportClosed);
        }
        var caller = action.Caller;
        if (!await store.FollowAsync(item.Id, new FeedbackFollower(KeyOf(caller), caller.UserId, Raiser: false), cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithMessage(texts.Feedback_SupportAlready(item.Id));
        }
        var counted = await store.RecountAsync(item.Id, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(texts.Feedback_SupportCounted(item.Id, counted));
    }

    /// <summary>The key the caller is followed by: their directory key, else their Teams id.</summary>
    public static string KeyOf(Caller caller) => caller.PersonKey ?? "user:" + caller.UserId;

    private async Task<FeedbackItem> FileAsync(Caller caller, FeedbackKind kind, string text, FeedbackTopic topic, bool anonymous, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // An anonymous item keeps the day only, and nothing of its sender; its one supporter is counted without a row.
        var item = new FeedbackItem(
            FeedbackStore.NewId(), kind, text, topic.Key, topic.Key == FeedbackTopic.General ? null : topic.Title, caller.DepartmentCode, anonymous,
            anonymous ? null : KeyOf(caller), anonymous ? null : caller.UserId,
            anonymous ? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) : now,
            UnnamedSupport: anonymous ? 1 : 0);
        item = await store.InsertAsync(item, cancellationToken).ConfigureAwait(false);
        if (!anonymous)
        {
            await store.FollowAsync(item.Id, new FeedbackFollower(KeyOf(caller), caller.UserId, Raiser: true), cancellationToken).ConfigureAwait(false);
            LogFiled(logger, item.Id);
        }
        return item;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filed feedback item {ItemId}")]
    private static partial void LogFiled(ILogger logger, string itemId);
}
