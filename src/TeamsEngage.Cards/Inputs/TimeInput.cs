using System.Text.Json.Serialization;
using TeamsEngage.Cards.Serialization;

namespace TeamsEngage.Cards;

/// <summary>A time picker; times are written as HH:mm, which is what the schema accepts.</summary>
public sealed record TimeInput : CardInput
{
    public TimeInput(string id) : base(id)
    {
    }

    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? Value { get; init; }

    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? Min { get; init; }

    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? Max { get; init; }

    public string? Placeholder { get; init; }
}
