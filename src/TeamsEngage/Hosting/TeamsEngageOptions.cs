using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Hosting;

/// <summary>The host's own settings in section <c>TeamsEngage</c> (the directory reads its administrators from the same section).</summary>
public sealed class TeamsEngageOptions
{
    public const string Section = "TeamsEngage";

    /// <summary>Tenants whose people may use the bot. Defaults to <c>MicrosoftAppTenantId</c>; empty accepts every tenant.</summary>
    [TenantIds]
    public IList<string> AllowedTenants { get; } = [];
}

/// <summary>Every non-blank entry of <c>TeamsEngage:AllowedTenants</c> is a tenant id (a GUID).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TenantIdsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var wrong = (value as IEnumerable<string> ?? []).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && !Guid.TryParse(v.Trim(), out _));
        return wrong is null
            ? ValidationResult.Success
            : new ValidationResult($"TeamsEngage:AllowedTenants must list Entra tenant ids (GUIDs); '{wrong}' is not one.");
    }
}
