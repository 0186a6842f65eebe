using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace TeamsEngage.Links;

/// <summary>Where the bot's own web pages are reached, and the key their signed links carry; section <c>TeamsEngage</c>.</summary>
public sealed class PublicLinkOptions
{
    public const string Section = "TeamsEngage";

    /// <summary>
    /// The address people's browsers reach the bot at, for example <c>https://teamsengage-abc.azurewebsites.net</c>.
    /// Required outside Development, where it must be https and not a loopback address.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Key of every signed, expiring link (base64, at least 32 bytes), best kept in configuration or a Key Vault reference;
    /// when empty, one is generated and kept in the store, shared by every instance.
    /// </summary>
    [Base64Key(32, Setting = "TeamsEngage:LinkSigningKey")]
    public string? LinkSigningKey { get; set; }

    /// <summary>The base address links are built on, once the options have been validated.</summary>
    public Uri BaseAddress() => new((string.IsNullOrWhiteSpace(PublicBaseUrl) ? DevelopmentBaseUrl : PublicBaseUrl.Trim()).TrimEnd('/') + "/");

    /// <summary>Used in Development when no public address is configured: the address <c>scripts/run.sh</c> listens on.</summary>
    public const string DevelopmentBaseUrl = "http://127.0.0.1:3978";
}

/// <summary>
/// The start-up rule of <see cref="PublicLinkOptions.PublicBaseUrl"/>: links sent to people must reach the bot, so outside
/// Development the address is required, uses https and is not a loopback address.
/// </summary>
public sealed class PublicBaseUrlValidator(IHostEnvironment environment) : IValidateOptions<PublicLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var development = environment.IsDevelopment();
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return development
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("TeamsEngage:PublicBaseUrl is required outside Development: set it to the https address people's browsers reach the bot at, for example https://teamsengage-abc.azurewebsites.net.");
        }
        if (!Uri.TryCreate(options.PublicBaseUrl.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            return ValidateOptionsResult.Fail($"TeamsEngage:PublicBaseUrl must be an absolute http or https address without query, fragment or user name; '{options.PublicBaseUrl}' is not.");
        }
        if (!development && url.Scheme != Uri.UriSchemeHttps)
        {
            return ValidateOptionsResult.Fail($"TeamsEngage:PublicBaseUrl must use https outside Development; '{options.PublicBaseUrl}' does not.");
        }
        if (!development && IsLoopback(url))
        {
            return ValidateOptionsResult.Fail($"TeamsEngage:PublicBaseUrl must be an address people can reach outside Development; '{options.PublicBaseUrl}' is a loopback address.");
        }
        return ValidateOptionsResult.Success;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback
        || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));
}

/// <summary>Empty, or base64 of at least the given number of bytes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class Base64KeyAttribute(int minimumBytes) : ValidationAttribute
{
    public int MinimumBytes { get; } = minimumBytes;

    /// <summary>The configuration key named in the error.</summary>
    public string? Setting { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string { Length: > 0 } text)
        {
            return ValidationResult.Success;
        }
        return TryDecode(text, MinimumBytes) is not null
            ? ValidationResult.Success
            : new ValidationResult($"{Setting ?? validationContext.MemberName} must be base64 of at least {MinimumBytes} bytes.", [validationContext.MemberName ?? string.Empty]);
    }

    /// <summary>The bytes of a valid key; null when the text is not base64 or too short.</summary>
    public static byte[]? TryDecode(string text, int minimumBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var length) && length >= minimumBytes ? buffer[..length] : null;
    }
}
