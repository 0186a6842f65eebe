namespace TeamsEngage.Cards;

/// <summary>
/// A button that types its word into the chat as the person (Teams' <c>imBack</c> on an <c>Action.Submit</c>): the bot
/// receives an ordinary message, so the button runs exactly what typing the word runs, with the same role checks.
/// </summary>
public static class TypedAction
{
    public static SubmitAction Of(string word) => new(word) { Data = new TypedData(new ImBack("imBack", word)) };

    private sealed record TypedData(ImBack Msteams);

    private sealed record ImBack(string Type, string Value);
}
