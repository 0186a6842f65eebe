using TeamsEngage.Bot;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>What the author is told when a change to a notice was not written.</summary>
internal static class NoticeAnswers
{
    /// <summary>The refusal for an update that did not write: its resource key, nothing changed, gone, or changed meanwhile.</summary>
    public static CardActionResult Answer(this UpdateResult<Notice, Notice> update, Texts texts) => update.Outcome switch
    {
        UpdateOutcome.Refused => CardActionResult.WithMessage(texts[update.Refusal!]),
        UpdateOutcome.Unchanged => CardActionResult.WithMessage(texts.Notice_NothingChanged),
        UpdateOutcome.NotFound => CardActionResult.NotFound,
        _ => CardActionResult.ChangedMeanwhile,
    };
}
