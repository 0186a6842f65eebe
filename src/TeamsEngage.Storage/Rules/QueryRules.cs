namespace TeamsEngage.Storage.Rules;

internal static class QueryRules
{
    public const int MaxPageSize = 1000;

    public static void Validate(string partitionKey, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        Validate(pageSize);
    }

    public static void Validate(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
    }

    /// <summary>
    /// The partition keys starting with <paramref name="prefix"/> as the range [From, To): To is the prefix with its last
    /// character incremented, which bounds the range the same way in UTF-8 byte order (SQLite) and in UTF-16 order
    /// (Azure Tables) as long as neither that character nor its successor is a surrogate. Null for no prefix.
    /// </summary>
    public static (string From, string To)? PrefixRange(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return null;
        }
        var last = prefix[^1];
        if (last == char.MaxValue || char.IsSurrogate(last) || char.IsSurrogate((char)(last + 1)))
        {
            throw new ArgumentException("A scan prefix cannot end with a surrogate or U+FFFF.", nameof(prefix));
        }
        return (prefix, prefix[..^1] + (char)(last + 1));
    }
}
