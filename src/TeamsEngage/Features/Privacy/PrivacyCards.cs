using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Privacy;

/// <summary>The administrators' privacy cards: find a person, export or erase them (after a confirmation).</summary>
public static class PrivacyCards
{
    /// <summary>The search form, with the people found (if a search ran) and a notice on top.</summary>
    public static AdaptiveCard Search(Texts texts, string? query = null, IReadOnlyList<Person>? found = null, string? notice = null)
    {
        var body = new List<CardElement> { Heading(texts.Privacy_Title) };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Wrap = true, Color = TextColor.Accent });
        }
        body.Add(new TextBlock(texts.Privacy_Intro) { Wrap = true });
        body.Add(new TextInput("query") { Label = texts.Privacy_Query, IsRequired = true, ErrorMessage = texts.Privacy_QueryRequired, MaxLength = 200, Value = query });
        if (found is { Count: 0 })
        {
            body.Add(new TextBlock(texts.Privacy_NoneFound) { Wrap = true, IsSubtle = true });
        }
        body.AddRange((found ?? []).Select(p => Entry(texts, p)));
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Privacy_Find, PrivacyVerbs.Find) { Data = new PrivacyFindData(), AssociatedInputs = AssociatedInputs.Auto }],
            FallbackText = texts.Privacy_Title,
        };
    }

    /// <summary>The signed link to an export, and how long it works.</summary>
    public static AdaptiveCard ExportReady(Texts texts, Person person, Uri link, TimeSpan lifetime) => new(
        Heading(texts.Privacy_ExportTitle),
        new TextBlock(texts.Privacy_ExportReady(CardText.Escape(Display(person)), ((int)Math.Ceiling(lifetime.TotalMinutes)).ToString(texts.Culture))) { Wrap = true })
    {
        Actions = [new OpenUrlAction(texts.Privacy_Download, link)],
        FallbackText = texts.Privacy_ExportTitle,
    };

    /// <summary>Asks again before an erasure, saying what stays and what goes.</summary>
    public static AdaptiveCard ConfirmErase(Texts texts, Person person) => new(
        Heading(texts.Privacy_EraseTitle),
        new TextBlock(texts.Privacy_EraseConfirm(CardText.Escape(Display(person)))) { Wrap = true, Color = TextColor.Attention })
    {
        Actions =
        [
            new ExecuteAction(texts.Privacy_EraseNow, PrivacyVerbs.Erase) { Data = new PrivacyPersonData(person.Key, Confirmed: true), Style = ActionStyle.Destructive },
            new ExecuteAction(texts.Privacy_Cancel, PrivacyVerbs.Find) { Data = new PrivacyFindData(person.Email), AssociatedInputs = AssociatedInputs.None },
        ],
        FallbackText = texts.Privacy_EraseTitle,
    };

    private static Container Entry(Texts texts, Person person) => new(
        new TextBlock(CardText.Escape(Display(person))) { Wrap = true, Weight = TextWeight.Bolder },
        new ActionSet(
            new ExecuteAction(texts.Privacy_Export, PrivacyVerbs.Export) { Data = new PrivacyPersonData(person.Key), AssociatedInputs = AssociatedInputs.None },
            new ExecuteAction(texts.Privacy_Erase, PrivacyVerbs.AskErase) { Data = new PrivacyPersonData(person.Key), AssociatedInputs = AssociatedInputs.None }))
    {
        Separator = true,
        Spacing = Spacing.Medium,
    };

    private static string Display(Person person) =>
        person.Name is { Length: > 0 } name && person.Email is { } email ? $"{name} <{email}>" : person.Name ?? person.Email ?? person.Key;

    private static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };
}
