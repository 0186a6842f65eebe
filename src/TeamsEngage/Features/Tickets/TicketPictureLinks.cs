using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Serves a ticket's picture to whoever holds its signed link: as the image type its bytes were checked to be, never
/// sniffed, never cached, in a sandbox, and as nothing at all when the link is forged, expired or for another district.
/// </summary>
public static class TicketPictureLinks
{
    public static async Task<IResult> ServeAsync(
        string ticketId,
        int number,
        string? tenant,
        string? exp,
        string? sig,
        TicketFiles files,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(http);
        if (!TicketStore.IsValidId(ticketId)
            || await files.ValidTenantAsync(ticketId, number, tenant, exp, sig, cancellationToken).ConfigureAwait(false) is not { } tenantId)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        using var scope = TenantScope.Enter(tenantId);
        if (await files.ReadAsync(ticketId, number, cancellationToken).ConfigureAwait(false) is not { } picture)
        {
            return TypedResults.NotFound();
        }
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(picture.Bytes, picture.File.ContentType, enableRangeProcessing: false);
    }
}
