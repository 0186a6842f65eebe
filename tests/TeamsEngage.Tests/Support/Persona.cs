namespace TeamsEngage.Tests.Support;

/// <summary>Someone in a test tenant (the home tenant unless made otherwise), with the ids Teams would give them.</summary>
public sealed record Persona(string Name, string UserId, string AadObjectId, string ConversationId, string Locale = "en-US", string TenantId = Fixtures.TenantId)
{
    public static Persona Ana { get; } = Create("Ana Torres", "ana");
    public static Persona Ben { get; } = Create("Ben Okafor", "ben");
    public static Persona Carmen { get; } = Create("Carmen Ruiz", "carmen", "es-MX");

    /// <summary>A person with stable ids derived from <paramref name="handle"/>.</summary>
    public static Persona Create(string name, string handle, string locale = "en-US")
    {
        var guid = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(handle)).AsSpan(0, 16));
        return new Persona(name, $"29:1{handle}-{guid:N}", guid.ToString(), $"a:1{handle}{guid:N}", locale);
    }

    public Persona WithLocale(string locale) => this with { Locale = locale };

    /// <summary>The same kind of person in another tenant: a person there has ids of their own.</summary>
    public Persona InTenant(string tenantId) => this with { TenantId = tenantId };
}
