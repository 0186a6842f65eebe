namespace TeamsEngage.Storage.Rules;

/// <summary>
/// Checks keys and properties against the limits of Azure Tables, so both backends accept and refuse the same entities.
/// </summary>
internal static class EntityRules
{
    private const int MaxKeyLength = 1024;
    private const int MaxProperties = 252;
    private const int MaxPropertyNameLength = 255;
    private const int MaxStringLength = 32 * 1024;
    private const int MaxBinaryLength = 64 * 1024;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "PartitionKey", "RowKey", "Timestamp", "ETag", "odata.etag",
    };

    public static void ValidateKey(string? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A key is limited to {MaxKeyLength} characters.", paramName);
        }
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException("A key may not contain '/', '\\', '#', '?' or control characters.", paramName);
            }
        }
    }

    /// <summary>Validates an entity to be written and returns it with null properties removed and dates in UTC.</summary>
    public static StoreEntity Normalize(StoreEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(entity.RowKey));
        ArgumentNullException.ThrowIfNull(entity.Properties, nameof(entity.Properties));

        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entity.Properties)
        {
            if (value is null)
            {
                continue;
            }
            ValidatePropertyName(name);
            properties[name] = NormalizeValue(name, value);
        }
        if (properties.Count > MaxProperties)
        {
            throw new ArgumentException($"An entity is limited to {MaxProperties} properties.", nameof(entity));
        }
        return entity with { Properties = properties };
    }

    private static void ValidatePropertyName(string name)
    {
        var valid = name.Length is > 0 and <= MaxPropertyNameLength
            && (char.IsLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsLetterOrDigit(c) || c == '_');
        if (!valid || ReservedNames.Contains(name))
        {
            throw new ArgumentException($"'{name}' is not a valid property name: use letters, digits and '_', and not a system property name.", nameof(name));
        }
    }

    private static object NormalizeValue(string name, object value) => value switch
    {
        string s when s.Length > MaxStringLength => throw new ArgumentException($"Property '{name}' exceeds {MaxStringLength} characters.", nameof(value)),
        byte[] b when b.Length > MaxBinaryLength => throw new ArgumentException($"Property '{name}' exceeds {MaxBinaryLength} bytes.", nameof(value)),
        string or bool or int or long or double or Guid or byte[] => value,
        DateTimeOffset d => d.ToUniversalTime(),
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; use string, bool, int, long, double, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };
}
