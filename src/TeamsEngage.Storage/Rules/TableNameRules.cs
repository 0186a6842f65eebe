namespace TeamsEngage.Storage.Rules;

/// <summary>Table names valid in both backends: Azure's rule (alphanumeric, 3 to 63 characters, starting with a letter).</summary>
public static class TableNameRules
{
    /// <summary>True when <paramref name="name"/> is a valid table name.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetter(name[0])
        && name.All(char.IsAsciiLetterOrDigit)
        && !name.Equals("tables", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="name"/> is not a valid table name.</summary>
    public static string Validate(string? name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid table name: use 3 to 63 letters and digits, starting with a letter ('tables' is reserved).",
                nameof(name));
        }
        return name!;
    }
}
