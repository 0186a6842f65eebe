using static TeamsEngage.Cards.Tests.CardJsonAssert;

namespace TeamsEngage.Cards.Tests;

public class InputSerializationTests
{
    [Fact]
    public void TextInputWritesEveryProperty() =>
        Equal("""
            {"type":"Input.Text","id":"c","placeholder":"p","isMultiline":true,"maxLength":10,"value":"v","regex":"^a",
             "label":"L","isRequired":true,"errorMessage":"E"}
            """,
            Serialize(new TextInput("c")
            {
                Label = "L", Placeholder = "p", IsMultiline = true, MaxLength = 10, IsRequired = true,
                ErrorMessage = "E", Value = "v", Regex = "^a",
            }));

    [Fact]
    public void ChoiceSetWritesChoicesAndStyle() =>
        Equal("""
            {"type":"Input.ChoiceSet","id":"s","choices":[{"title":"Low","value":"low"}],"style":"compact",
             "isMultiSelect":true,"value":"low","label":"Severity","isRequired":true,"errorMessage":"Pick one"}
            """,
            Serialize(new ChoiceSetInput("s", new Choice("Low", "low"))
            {
                Style = ChoiceInputStyle.Compact, IsMultiSelect = true, Value = "low", Label = "Severity",
                IsRequired = true, ErrorMessage = "Pick one",
            }));

    [Fact]
    public void ToggleWritesTitleAndValues() =>
        Equal("""{"type":"Input.Toggle","id":"n","title":"Notify","value":"false","valueOn":"yes","valueOff":"no"}""",
            Serialize(new ToggleInput("n", "Notify") { Value = "false", ValueOn = "yes", ValueOff = "no" }));

    [Fact]
    public void DateInputWritesIsoDates() =>
        Equal("""{"type":"Input.Date","id":"d","value":"2025-03-01","min":"2025-01-01","max":"2025-12-31"}""",
            Serialize(new DateInput("d") { Value = new DateOnly(2025, 3, 1), Min = new DateOnly(2025, 1, 1), Max = new DateOnly(2025, 12, 31) }));

    [Fact]
    public void TimeInputWritesHoursAndMinutes() =>
        Equal("""{"type":"Input.Time","id":"t","value":"08:05","min":"07:00"}""",
            Serialize(new TimeInput("t") { Value = new TimeOnly(8, 5, 59), Min = new TimeOnly(7, 0) }));

    [Fact]
    public void NumberInputWritesNumbers() =>
        Equal("""{"type":"Input.Number","id":"n","value":2.5,"min":0,"max":10}""",
            Serialize(new NumberInput("n") { Value = 2.5, Min = 0, Max = 10 }));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void InputsRequireAnId(string id) =>
        Assert.ThrowsAny<ArgumentException>(() => new TextInput(id));
}
