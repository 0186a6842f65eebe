using TeamsEngage.Bot;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// The open items of the caller's department or of the whole district, newest or most supported first, paged.
/// <paramref name="DepartmentName"/> is the caller's department as people name it (its code when the directory has no name).
/// </summary>
public sealed record BrowseView(string Scope, string Order, int Page, int Pages, string? DepartmentName, IReadOnlyList<FeedbackItem> Items);

/// <summary><c>ideas</c>: colleagues' open items, to read and support.</summary>
public sealed class FeedbackBrowsing(FeedbackStore store, People.IPeopleDirectory directory)
{
    public const int PageSize = 5;
    public const string Department = "department";
    public const string District = "district";
    public const string Newest = "newest";
    public const string Supported = "supported";

    /// <summary><c>ideas</c>: the caller's department (the district when they have none), newest first.</summary>
    public async Task OpenAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(command.Caller, new BrowseData(), cancellationToken).ConfigureAwait(false);
        await command.Turn.SendAsync(Replies.Card(FeedbackCards.Browse(command.Texts, view), command.Texts.Feedback_BrowseTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Another scope, order or page, in place of the card.</summary>
    public async Task<CardActionResult> BrowseAsync(CardAction<BrowseData> action, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(FeedbackCards.Browse(action.Texts, await ViewAsync(action.Caller, action.Data, cancellationToken).ConfigureAwait(false)));

    private async Task<BrowseView> ViewAsync(Caller caller, BrowseData data, CancellationToken cancellationToken)
    {
        var department = caller.DepartmentCode;
        var scope = data.Scope == District || department is null ? District : Department;
        var order = data.Order == Supported ? Supported : Newest;
        var open = (await store.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(i => i.IsOpen && (scope == District || string.Equals(i.DepartmentCode, department, StringComparison.OrdinalIgnoreCase)));
        var sorted = (order == Supported
            ? open.OrderByDescending(i => i.Supporters).ThenByDescending(i => i.CreatedAt)
            : open.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Supporters)).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var pages = Math.Max(1, (sorted.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(data.Page, 0, pages - 1);
        var name = department is null ? null
            : (await directory.FindDepartmentAsync(department, cancellationToken).ConfigureAwait(false))?.Name is { Length: > 0 } known ? known : department;
        return new BrowseView(scope, order, page, pages, name, [.. sorted.Skip(page * PageSize).Take(PageSize)]);
    }
}
