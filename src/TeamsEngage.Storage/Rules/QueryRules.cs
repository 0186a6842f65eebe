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
}
