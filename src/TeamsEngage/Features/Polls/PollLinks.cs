using Microsoft.Extensions.Options;
using TeamsEngage.Links;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// The signed, expiring export link of a poll: <c>/polls/{id}/export.csv?tenant={tenant}&amp;exp=…&amp;sig=…</c>. The
/// signed tenant is the one the export reads in, so a link never opens another tenant's poll.
/// </summary>
public sealed class PollLinks(SignedLinks links, IOptions<PollsOptions> options)
{
    /// <summary>The export link of a poll, valid for <see cref="PollsOptions.LinkLifetime"/>.</summary>
    public Task<Uri> ExportLinkAsync(string pollId, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Require("an export link");
        return links.CreateAsync(ExportPath(pollId), [new("tenant", tenant)], options.Value.LinkLifetime, cancellationToken);
    }

    /// <summary>The link's tenant when its signature is right and it has not expired; otherwise null.</summary>
    public async Task<string?> ValidTenantAsync(string pollId, string? tenant, string? exp, string? sig, CancellationToken cancellationToken)
    {
        if (TenantScope.Normalize(tenant) is not { } tenantId)
        {
            return null;
        }
        return await links.IsValidAsync(ExportPath(pollId), [new("tenant", tenantId)], exp, sig, cancellationToken).ConfigureAwait(false) ? tenantId : null;
    }

    private static string ExportPath(string pollId) => $"/polls/{Uri.EscapeDataString(pollId)}/export.csv";
}
