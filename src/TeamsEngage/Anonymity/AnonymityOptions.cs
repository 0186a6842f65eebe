using System.ComponentModel.DataAnnotations;
using TeamsEngage.Links;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Anonymity;

/// <summary>
/// The anonymity settings every feature that asks questions shares, read from the poll section
/// (<c>TeamsEngage:Polls</c>) where they have always been: one minimum group size, one pepper, one weekly cap.
/// </summary>
public sealed class AnonymityOptions
{
    public const string Section = "TeamsEngage:Polls";

    /// <summary>Breakdown groups with fewer respondents are never shown as numbers.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "TeamsEngage:Polls:MinGroupSize must be at least 2.")]
    public int MinGroupSize { get; set; } = 5;

    /// <summary>A person is sent at most this many polls and surveys together in any 7 days.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "TeamsEngage:Polls:MaxPerPersonPerWeek must be at least 1.")]
    public int MaxPerPersonPerWeek { get; set; } = 2;

    /// <summary>Optional key (base64, 32+ bytes) kept outside the store, under which anonymous voter keys are derived.</summary>
    [Base64Key(32, Setting = "TeamsEngage:Polls:VoterKeyPepper")]
    public string? VoterKeyPepper { get; set; }
}

/// <summary>Registration of the shared anonymity seams.</summary>
public static class AnonymityServices
{
    public static IServiceCollection AddAnonymity(this IServiceCollection services)
    {
        services.AddOptions<AnonymityOptions>().BindConfiguration(AnonymityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoreTable(AskLedger.TableName);
        services.AddSingleton<AskLedger>();
        services.AddSingleton<TeamsEngage.Asking.AskAudiences>();
        services.AddSingleton<TeamsEngage.Asking.FindingsRules>();
        return services;
    }
}
