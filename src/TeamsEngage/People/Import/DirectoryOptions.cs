using System.ComponentModel.DataAnnotations;

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
}
