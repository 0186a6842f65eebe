using System.Text;

namespace TeamsEngage.Storage;

/// <summary>
/// Turns an outside identifier (a Teams user or conversation id, an email) into a valid partition or row key,
/// reversibly and keeping ordinal order of unaffected text: '/', '\', '#', '?', '%' and control characters become %XX.
/// </summary>
public static class StoreKey
{
    /// <summary>The key for <paramref name="value"/>.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }
        var result = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                result.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary>The value a key made by <see cref="Escape"/> stands for.</summary>
    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(key) : key;
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
