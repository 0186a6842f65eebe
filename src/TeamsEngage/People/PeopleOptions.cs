using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.People;

/// <summary>What the directory reads from section <c>TeamsEngage</c>: the administrators named at start-up.</summary>
public sealed class PeopleOptions
{
    public const string Section = "TeamsEngage";

    /// <summary>
    /// Administrators at start-up, by Entra object id or email, of the bot's home tenant; <c>{tenantId}/{objectId-or-email}</c>
    /// names one of another tenant. Everyone else is managed in Teams.
    /// </summary>
    [PersonReferences]
    public IList<string> Administrators { get; } = [];
}

/// <summary>Every non-blank entry of <c>TeamsEngage:Administrators</c> is an Entra object id or an email address.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonReferencesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var wrong = (value as IEnumerable<string> ?? []).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && !IsReference(v.Trim()));
        return wrong is null
            ? ValidationResult.Success
            : new ValidationResult($"TeamsEngage:Administrators must list Entra object ids or email addresses, each optionally as {{tenantId}}/…; '{wrong}' is neither.");
    }

    private static bool IsReference(string entry)
    {
        var value = ConfiguredAdministrators.Parse(entry).Reference;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return Guid.TryParse(value, out _) || (at > 0 && at < value.Length - 1 && at == value.LastIndexOf('@') && !value.Any(char.IsWhiteSpace));
    }
}
