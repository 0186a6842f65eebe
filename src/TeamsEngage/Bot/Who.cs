namespace TeamsEngage.Bot;

/// <summary>Who may use a command or a card action. Checked on the server for every turn: card data can be forged.</summary>
public enum Who
{
    /// <summary>Every person: teachers, staff, liaisons and administrators.</summary>
    Everyone,
    /// <summary>Liaisons and administrators.</summary>
    Staff,
    /// <summary>Administrators only.</summary>
    Administrators,
}

/// <summary>Which roles a Who admits.</summary>
public static class WhoRules
{
    /// <summary>Whether a person with <paramref name="role"/> belongs to <paramref name="audience"/>.</summary>
    public static bool Admits(this Who audience, Role role) => audience switch
    {
        Who.Everyone => true,
        Who.Staff => role >= Role.Liaison,
        Who.Administrators => role >= Role.Administrator,
        _ => false,
    };
}
