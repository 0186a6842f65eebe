namespace TeamsEngage.Testing.Cards;

/// <summary>What the official Adaptive Cards parser said about one card.</summary>
public sealed record CardReport(string Name, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    public override string ToString() =>
        IsValid ? $"{Name}: valid" : $"{Name}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Errors);
}
