namespace TeamsEngage.Features.Polls;

/// <summary>Settings of polls, section <c>TeamsEngage:Polls</c>.</summary>
public sealed class PollsOptions
{
    public const string Section = "TeamsEngage:Polls";

    /// <summary>Breakdown groups with fewer respondents are never shown as numbers.</summary>
    public int MinGroupSize { get; set; } = 5;

    /// <summary>A person is sent at most this many polls in any 7 days.</summary>
    public int MaxPerPersonPerWeek { get; set; } = 2;

    /// <summary>Key of the signed export links (base64, at least 32 bytes); generated and stored when empty.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>How long an export link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a tally shown on voters' cards may be reused before the votes are counted again.</summary>
    public TimeSpan TallyCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a poll definition is cached between votes (also how late another instance sees "close now").</summary>
    public TimeSpan PollCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often due polls are closed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a poll stays open when the quick form is used.</summary>
    public TimeSpan QuickFormDuration { get; set; } = TimeSpan.FromDays(3);
}

/// <summary>Checks <see cref="PollsOptions"/> at start-up.</summary>
public sealed class PollsOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<PollsOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, PollsOptions options)
    {
        var errors = new List<string>();
        if (options.MinGroupSize < 2)
        {
            errors.Add("TeamsEngage:Polls:MinGroupSize must be at least 2.");
        }
        if (options.MaxPerPersonPerWeek < 1)
        {
            errors.Add("TeamsEngage:Polls:MaxPerPersonPerWeek must be at least 1.");
        }
        if (options.LinkLifetime <= TimeSpan.Zero || options.SweepInterval <= TimeSpan.Zero)
        {
            errors.Add("TeamsEngage:Polls:LinkLifetime and SweepInterval must be positive.");
        }
        return errors.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(errors);
    }
}
