using System.Text;

namespace TeamsEngage.Storage.Sqlite;

/// <summary>The continuation token of a SQLite table scan: the last partition and row key returned, opaque to callers.</summary>
internal static class ScanToken
{
    private const string Prefix = "sc1:";

    public static string Encode(string partitionKey, string rowKey) =>
        Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(partitionKey)) + ":" + Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey));

    public static (string PartitionKey, string RowKey)? Decode(string? token)
    {
        if (token is null)
        {
            return null;
        }
        var parts = token.StartsWith(Prefix, StringComparison.Ordinal) ? token[Prefix.Length..].Split(':') : [];
        if (parts.Length != 2)
        {
            throw new ArgumentException("The continuation token was not issued by this store's scan.", nameof(token));
        }
        try
        {
            return (Encoding.UTF8.GetString(Convert.FromBase64String(parts[0])), Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continuation token is malformed.", nameof(token), ex);
        }
    }
}
