using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Hosting;

/// <summary>The host's own settings in section <c>TeamsEngage</c> (the directory reads its administrators from the same section).</summary>
public sealed class TeamsEngageOptions
{
    public const string Section = "TeamsEngage";

    /// <summary>
    /// Tenants whose people may use the bot. Defaults to <c>MicrosoftAppTenantId</c>. A <c>MultiTenant</c> bot outside
    /// Development must list them, or set <see cref="AllowAnyTenant"/>.
    /// </summary>
    [TenantIds]
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Accept activities of every tenant, on purpose (each tenant still sees only its own data).</summary>
    public bool AllowAnyTenant { get; set; }

    /// <summary>The tenants the messaging endpoint admits; empty admits every tenant.</summary>
    public IReadOnlyList<string> EffectiveAllowedTenants(string? homeTenantId)
    {
        var listed = AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (listed.Count > 0 || AllowAnyTenant)
        {
            return listed;
        }
        return string.IsNullOrWhiteSpace(homeTenantId) ? [] : [homeTenantId.Trim()];
    }
}

/// <summary>
/// The start-up rule that spans <c>MicrosoftAppType</c> and this section: outside Development, a <c>MultiTenant</c> bot
/// names the tenants it serves, or says on purpose that it serves any.
/// </summary>
public sealed class TenantRulesValidator(IOptions<BotOptions> bot, IHostEnvironment environment) : IValidateOptions<TeamsEngageOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsEngageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var appType = bot.Value.MicrosoftAppType;
        var multiTenant = string.IsNullOrWhiteSpace(appType) || string.Equals(appType.Trim(), "MultiTenant", StringComparison.OrdinalIgnoreCase);
        if (!multiTenant || environment.IsDevelopment() || options.AllowAnyTenant || options.AllowedTenants.Any(t => !string.IsNullOrWhiteSpace(t)))
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(
            "MicrosoftAppType is MultiTenant but TeamsEngage:AllowedTenants is empty: list the Entra tenant ids whose people may use the bot "
            + "in TeamsEngage:AllowedTenants, or set TeamsEngage:AllowAnyTenant=true to accept every tenant on purpose.");
    }
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
