using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Catalogue;

/// <summary>
/// Section <c>TeamsEngage:Catalogue</c>: CSV files imported at start-up, into the tenant the directory files belong to
/// (<c>TeamsEngage:Directory:TenantId</c>, else <c>MicrosoftAppTenantId</c>).
/// </summary>
public sealed class CatalogueOptions
{
    public const string Section = "TeamsEngage:Catalogue";

    /// <summary>A services CSV (id,name,description,audience,help,owner,highHours,normalHours,lowHours,links); relative to the content root.</summary>
    [StringLength(4096, ErrorMessage = "TeamsEngage:Catalogue:ServicesCsv must be a file path of at most 4096 characters.")]
    public string? ServicesCsv { get; set; }

    /// <summary>A FAQ CSV (service,language,question,answer); relative to the content root.</summary>
    [StringLength(4096, ErrorMessage = "TeamsEngage:Catalogue:FaqCsv must be a file path of at most 4096 characters.")]
    public string? FaqCsv { get; set; }
}
