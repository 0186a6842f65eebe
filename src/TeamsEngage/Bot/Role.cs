namespace TeamsEngage.Bot;

/// <summary>What a person may do. Checked on the server for every command and card action.</summary>
public enum Role
{
    /// <summary>A teacher or staff member.</summary>
    Member = 0,
    /// <summary>An IT liaison for one or more departments.</summary>
    Liaison = 1,
    /// <summary>An IT lead or principal.</summary>
    Administrator = 2,
}
