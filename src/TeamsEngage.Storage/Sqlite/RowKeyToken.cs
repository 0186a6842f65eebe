using System.Text;

namespace TeamsEngage.Storage.Sqlite;

/// <summary>The continuation token of a SQLite query: the last row key returned, base64-encoded so callers treat it as opaque.</summary>
internal static class RowKeyToken
{
    private const string Prefix = "rk1:";

    public static string Encode(string lastRowKey) => Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(lastRowKey));

    public static string? Decode(string? token)
    {
        if (token is null)
        {
            return null;
        }
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("The continuation token was not issued by this store.", nameof(token));
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token[Prefix.Length..]));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continuation token is malformed.", nameof(token), ex);
        }
    }
}
