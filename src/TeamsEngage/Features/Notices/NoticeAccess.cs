using TeamsEngage.Bot;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// The server-side check behind every author button, made once by the dispatcher: card data can be forged, so the
/// caller must be an administrator and the author of the notice the data names. Whether the notice's state admits
/// the button is the handler's business.
/// </summary>
public sealed class NoticeAccess(NoticeStore notices) : IEntityAccess<Notice>
{
    public async Task<EntityAccess<Notice>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Caller.Has(Role.Administrator))
        {
            return EntityAccess.Refused<Notice>();
        }
        var notice = await notices.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (notice is null)
        {
            return EntityAccess.Missing<Notice>();
        }
        return string.Equals(notice.AuthorUserId, context.Caller.UserId, StringComparison.Ordinal)
            ? EntityAccess.Granted(notice)
            : EntityAccess.NotYours<Notice>();
    }
}
