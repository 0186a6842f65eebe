using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using TeamsEngage.Links;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// Signed, expiring export links: <c>/privacy/exports/{id}?tenant={tenant}&amp;exp={unix seconds}&amp;sig={HMAC-SHA256 of id, tenant and exp}</c>.
/// The id is random and names a row, in the tenant's own table, that says whose export it is, so the link carries no
/// person id and cannot be guessed; the row is removed when it expires or the person is erased. The signed tenant is the
/// one the export reads in, so a link never reaches another tenant's person.
/// </summary>
public sealed class PrivacyLinks(ITableStore store, SignedLinks links, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public const string ExportsTable = "PrivacyExports";
    private const string Partition = "export";

    private readonly IStoreTable _exports = store.Table(ExportsTable);

    /// <summary>A new link to the export of <paramref name="personKey"/>, valid for <see cref="PrivacyOptions.LinkLifetime"/>.</summary>
    public async Task<Uri> CreateAsync(string personKey, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("an export link");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow().Add(options.Value.LinkLifetime);
        await _exports.InsertAsync(new StoreEntity(Partition, id, new Dictionary<string, object?> { ["PersonKey"] = personKey, ["ExpiresAt"] = expires }), cancellationToken).ConfigureAwait(false);
        return await links.CreateAsync(ExportPath(id), [new("tenant", tenant)], options.Value.LinkLifetime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The link's tenant when its signature is right and it has not expired; null for a forged, altered or expired one.</summary>
    public async Task<string?> ValidTenantAsync(string id, string? tenant, string? exp, string? sig, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || TenantScope.Normalize(tenant) is not { } tenantId)
        {
            return null;
        }
        return await links.IsValidAsync(ExportPath(id), [new("tenant", tenantId)], exp, sig, cancellationToken).ConfigureAwait(false) ? tenantId : null;
    }

    /// <summary>The person a link of the tenant in scope is for; null once it expired or was revoked.</summary>
    public async Task<string?> PersonOfAsync(string id, CancellationToken cancellationToken)
    {
        var row = await _exports.GetAsync(Partition, id, cancellationToken).ConfigureAwait(false);
        return row?.GetDateTimeOffset("ExpiresAt") > clock.GetUtcNow() ? row.GetString("PersonKey") : null;
    }

    /// <summary>Removes the rows of expired links.</summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        DeleteWhereAsync(row => row.GetDateTimeOffset("ExpiresAt") is not { } at || at <= now, cancellationToken);

    /// <summary>Revokes every link to the person's export.</summary>
    public Task<int> ForgetAsync(string personKey, CancellationToken cancellationToken) =>
        DeleteWhereAsync(row => row.GetString("PersonKey") == personKey, cancellationToken);

    private async Task<int> DeleteWhereAsync(Func<StoreEntity, bool> match, CancellationToken cancellationToken)
    {
        var rows = await _exports.QueryAllAsync(Partition, cancellationToken: cancellationToken).Where(match).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await _exports.DeleteEachAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    private static string ExportPath(string id) => $"/privacy/exports/{Uri.EscapeDataString(id)}";
}
