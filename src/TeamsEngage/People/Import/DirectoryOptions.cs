using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Storage;

namespace TeamsEngage.People.Import;

/// <summary>
/// Section <c>TeamsEngage:Directory</c>: CSV files imported at start-up. That a file exists is checked when it is
/// imported, still before the bot serves anyone, because a relative path is resolved against the content root.
/// </summary>
public sealed class DirectoryOptions
{
    public const string Section = "TeamsEngage:Directory";

    /// <summary>A departments CSV (department,code,liaison,backup,responseHours); relative to the content root.</summary>
    [StringLength(4096, ErrorMessage = "TeamsEngage:Directory:DepartmentsCsv must be a file path of at most 4096 characters.")]
    public string? DepartmentsCsv { get; set; }

    /// <summary>A people CSV (email,department,role,language); relative to the content root.</summary>
    [StringLength(4096, ErrorMessage = "TeamsEngage:Directory:PeopleCsv must be a file path of at most 4096 characters.")]
    public string? PeopleCsv { get; set; }

    /// <summary>The tenant the CSV files belong to; defaults to <c>MicrosoftAppTenantId</c>.</summary>
    public string? TenantId { get; set; }

    /// <summary>Whether any CSV file is configured.</summary>
    public bool ImportsFiles => !string.IsNullOrWhiteSpace(DepartmentsCsv) || !string.IsNullOrWhiteSpace(PeopleCsv);

    /// <summary>The tenant the files are imported into (normalized), or null when none is configured.</summary>
    public string? ImportTenant(string? homeTenantId) => TenantScope.Normalize(string.IsNullOrWhiteSpace(TenantId) ? homeTenantId : TenantId);
}

/// <summary>The import's tenant spans two sections: <c>TeamsEngage:Directory:TenantId</c>, else <c>MicrosoftAppTenantId</c>.</summary>
internal sealed class DirectoryOptionsValidator(IOptions<BotOptions> bot) : IValidateOptions<DirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectoryOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TenantId) && TenantScope.Normalize(options.TenantId) is null)
        {
            return ValidateOptionsResult.Fail($"{DirectoryOptions.Section}:TenantId must be an Entra tenant id (a GUID).");
        }
        return options.ImportsFiles && options.ImportTenant(bot.Value.MicrosoftAppTenantId) is null
            ? ValidateOptionsResult.Fail($"{DirectoryOptions.Section}:TenantId (or MicrosoftAppTenantId) must name the tenant the directory CSV files belong to.")
            : ValidateOptionsResult.Success;
    }
}
