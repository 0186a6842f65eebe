using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Privacy;

/// <summary>Settings of exports and the retention sweep, section <c>TeamsEngage:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "TeamsEngage:Privacy";

    /// <summary>How long an export link works.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Privacy:LinkLifetime must be between one second and one day.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Key of the signed export links (base64, at least 32 bytes); generated and stored when empty.</summary>
    [Base64Key]
    public string? LinkSigningKey { get; set; }

    /// <summary>How often the sweep looks whether today's run is still to do (it runs once a day across every instance).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Privacy:SweepInterval must be between one second and one day.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Empty, or base64 of at least 32 bytes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class Base64KeyAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string { Length: > 0 } text)
        {
            return ValidationResult.Success;
        }
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) && length >= 32
            ? ValidationResult.Success
            : new ValidationResult("TeamsEngage:Privacy:LinkSigningKey must be base64 of at least 32 bytes.");
    }
}
