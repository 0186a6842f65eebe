using TeamsEngage.Cards;
using TeamsEngage.Commands;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Feedback;

/// <summary>The digest's cards: the composer, the preview, the digest itself, and its reach.</summary>
public static class DigestCards
{
    public static AdaptiveCard Composer(Texts texts, DigestForm form, int? changes, (DateTimeOffset At, TimeZoneInfo Zone)? since, DigestReach? last, string? error = null)
    {
        var body = new List<CardElement> { FeedbackCards.Title(texts.Feedback_DigestTitle) };
        if (changes is { } count)
        {
            body.Add(new TextBlock(since is { } s ? texts.Feedback_DigestSince(count, PeopleTime.Moment(s.At, s.Zone, texts)) : texts.Feedback_DigestFirst(count)) { Wrap = true });
        }
        if (last is not null)
        {
            body.Add(new TextBlock(texts.Feedback_DigestLastReach(last.Sent, last.Recipients)) { Wrap = true, IsSubtle = true });
        }
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention });
        }
        body.Add(new TextInput("title") { Label = texts.Feedback_DigestFieldTitle, Value = form.Title, IsRequired = true, MaxLength = 200, ErrorMessage = texts.Feedback_DigestIncomplete });
        body.Add(new TextInput("text") { Label = texts.Feedback_DigestFieldText, Value = form.Text, IsMultiline = true, IsRequired = true, MaxLength = DigestDesk.MaxText, ErrorMessage = texts.Feedback_DigestIncomplete });
        body.Add(new ChoiceSetInput("audience", new Choice(texts.Feedback_DigestEveryone, nameof(AudienceKind.Everyone)), new Choice(texts.Feedback_DigestDepartments, nameof(AudienceKind.Departments)))
        {
            Label = texts.Feedback_DigestFieldAudience,
            Style = ChoiceInputStyle.Expanded,
            Value = form.Audience ?? nameof(AudienceKind.Everyone),
        });
        body.Add(new TextInput("departments") { Label = texts.Feedback_DigestFieldDepartments, Value = form.Departments, Placeholder = "SCI, ART", MaxLength = 500 });
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Feedback_DigestPreview, FeedbackVerbs.DigestPreview) { Data = new DigestForm(CoveredUntil: form.CoveredUntil), Style = ActionStyle.Positive }],
            FallbackText = texts.Feedback_DigestTitle,
        };
    }

    public static AdaptiveCard Preview(Texts texts, Digest digest, int recipients)
    {
        var body = new List<CardElement>
        {
            FeedbackCards.Title(texts.Feedback_DigestPreviewTitle),
            new TextBlock(texts.Feedback_DigestGoesTo(recipients)) { Wrap = true },
            new Container(Digest(texts, digest).Body) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium },
        };
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Feedback_DigestSend, FeedbackVerbs.DigestSend) { Data = new DigestRef(digest.Id), Style = ActionStyle.Positive },
                new ExecuteAction(texts.Feedback_DigestEdit, FeedbackVerbs.DigestEdit) { Data = new DigestRef(digest.Id) },
            ],
            FallbackText = texts.Feedback_DigestPreviewTitle,
        };
    }

    /// <summary>The digest as a recipient sees it.</summary>
    public static AdaptiveCard Digest(Texts texts, Digest digest) => new(
        FeedbackCards.Title(CardText.Escape(digest.Title)),
        CardText.UserText(digest.Text),
        new TextBlock(texts.Feedback_DigestFooter(BotCommands.Feedback.WordFor(texts.Language), BotCommands.Ideas.WordFor(texts.Language))) { Wrap = true, IsSubtle = true, Size = TextSize.Small })
    {
        FallbackText = digest.Title,
    };

    public static AdaptiveCard Reach(Texts texts, Digest digest, DigestReach reach) => new(
        FeedbackCards.Title(texts.Feedback_DigestSentTitle(CardText.Escape(digest.Title))),
        new FactSet(
            new Fact(texts.Feedback_DigestReachRecipients, reach.Recipients.ToString(texts.Culture)),
            new Fact(texts.Feedback_DigestReachSent, reach.Sent.ToString(texts.Culture)),
            new Fact(texts.Feedback_DigestReachPending, reach.Pending.ToString(texts.Culture)),
            new Fact(texts.Feedback_DigestReachNotReached, reach.NotReached.ToString(texts.Culture))))
    {
        Actions = [new ExecuteAction(texts.Feedback_DigestRefresh, FeedbackVerbs.DigestReach) { Data = new DigestRef(digest.Id) }],
        FallbackText = texts.Feedback_DigestSentTitle(digest.Title),
    };
}
