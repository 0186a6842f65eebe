using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Privacy;

/// <summary>The verbs on the privacy cards; administrators only.</summary>
public static class PrivacyVerbs
{
    public const string Find = "privacy.find";
    public const string Export = "privacy.export";
    public const string AskErase = "privacy.erase.ask";
    public const string Erase = "privacy.erase";
}

/// <summary>The search form's input: part of an email or a name.</summary>
public sealed record PrivacyFindData([property: StringLength(200)] string? Query = null);

/// <summary>Which person a button is about, by directory key; <see cref="Confirmed"/> only on the confirmation's erase button.</summary>
public sealed record PrivacyPersonData([property: Required, StringLength(200)] string PersonKey, bool Confirmed = false);
