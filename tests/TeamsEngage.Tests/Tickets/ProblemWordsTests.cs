using TeamsEngage.Features.Tickets;

namespace TeamsEngage.Tests.Tickets;

public sealed class ProblemWordsTests
{
    [Theory]
    [InlineData("the projector in room 12 is broken again")]
    [InlineData("My laptop doesn't work")]
    [InlineData("Teams keeps giving an ERROR when I share")]
    [InlineData("I can't log in to the gradebook")]
    [InlineData("la impresora no funciona")]
    [InlineData("No puedo entrar en la plataforma")]
    [InlineData("el proyector está roto")]
    [InlineData("La pizarra digital no enciende")]
    public void TextThatDescribesAProblemIsRecognised(string text)
    {
        Assert.True(ProblemWords.ReadsLikeAProblem(text));
    }

    [Theory]
    [InlineData("thanks, have a nice weekend")]
    [InlineData("what time is the staff meeting?")]
    [InlineData("hola, buenos días")]
    [InlineData("the errorless lesson went well")]
    [InlineData("a brokenness of spirit")]
    public void OrdinaryChatIsNotTakenForAProblem(string text)
    {
        Assert.False(ProblemWords.ReadsLikeAProblem(text));
    }
}
