using System.Globalization;
using System.Text.Json;
using TeamsEngage.Asking;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>How polls and votes map to store rows.</summary>
internal static class PollEntities
{
    public const string PollRow = "poll";
    public const string SecretRow = "secret";
    public const string OpenPartition = "~open";

    public static StoreEntity ToEntity(Poll poll) => new(poll.Id, PollRow, new Dictionary<string, object?>
    {
        ["Question"] = poll.Spec.Question,
        ["Options"] = JsonSerializer.Serialize(poll.Spec.Options),
        ["Multiple"] = poll.Spec.MultipleChoice,
        ["AllowComment"] = poll.Spec.AllowComment,
        ["Anonymous"] = poll.Spec.Anonymous,
        ["Results"] = poll.Spec.Results.ToString(),
        ["ClosesAt"] = poll.Spec.ClosesAt.ToUniversalTime(),
        ["AudienceKind"] = poll.Spec.Audience.Kind.ToString(),
        ["AudienceValues"] = JsonSerializer.Serialize(poll.Spec.Audience.Values),
        ["AuthorUserId"] = poll.AuthorUserId,
        ["AuthorName"] = poll.AuthorName,
        ["Status"] = poll.Status.ToString(),
        ["CreatedAt"] = poll.CreatedAt.ToUniversalTime(),
        ["Recipients"] = poll.Recipients,
        ["Capped"] = poll.Capped,
        ["ClosedAt"] = poll.ClosedAt?.ToUniversalTime(),
        ["RemindedAt"] = poll.RemindedAt?.ToUniversalTime(),
        ["Grouping"] = poll.Spec.Grouping == PollGrouping.None ? null : poll.Spec.Grouping.ToString(),
        ["VoteGroups"] = poll.VoteGroups is null ? null : JsonSerializer.Serialize(poll.VoteGroups),
        ["FindingsLearned"] = poll.Findings?.Learned,
        ["FindingsNext"] = poll.Findings?.NextSteps,
        ["FindingsWithResults"] = poll.Findings?.WithResults,
        ["FindingsSharedAt"] = poll.Findings?.SharedAt.ToUniversalTime(),
        ["FindingsCites"] = poll.Findings?.Cites is { Count: > 0 } cites ? JsonSerializer.Serialize(cites) : null,
    }.Where(p => p.Value is not null).ToDictionary(), poll.ETag);

    public static Poll FromEntity(StoreEntity e)
    {
        var spec = new PollSpec(
            e.GetString("Question") ?? string.Empty,
            JsonSerializer.Deserialize<List<string>>(e.GetString("Options") ?? "[]") ?? [],
            e.GetBoolean("Multiple") ?? false,
            e.GetBoolean("AllowComment") ?? false,
            e.GetBoolean("Anonymous") ?? false,
            Enum.Parse<ResultsVisibility>(e.GetString("Results") ?? nameof(ResultsVisibility.Live)),
            e.GetDateTimeOffset("ClosesAt") ?? DateTimeOffset.MaxValue,
            new Audience(
                Enum.Parse<AudienceKind>(e.GetString("AudienceKind") ?? nameof(AudienceKind.Everyone)),
                JsonSerializer.Deserialize<List<string>>(e.GetString("AudienceValues") ?? "[]") ?? []),
            Enum.Parse<PollGrouping>(e.GetString("Grouping") ?? nameof(PollGrouping.None)));
        return new Poll(
            e.PartitionKey,
            spec,
            e.GetString("AuthorUserId") ?? string.Empty,
            e.GetString("AuthorName"),
            Enum.Parse<PollStatus>(e.GetString("Status") ?? nameof(PollStatus.Draft)),
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            e.GetInt32("Recipients") ?? 0,
            e.GetInt32("Capped") ?? 0,
            e.GetDateTimeOffset("ClosedAt"),
            e.GetDateTimeOffset("RemindedAt"),
            e.ETag,
            e.GetString("VoteGroups") is { } groups ? JsonSerializer.Deserialize<List<string>>(groups) : null,
            e.GetDateTimeOffset("FindingsSharedAt") is { } sharedAt
                ? new Findings(e.GetString("FindingsLearned") ?? string.Empty, e.GetString("FindingsNext") ?? string.Empty, e.GetBoolean("FindingsWithResults") ?? false, sharedAt,
                    e.GetString("FindingsCites") is { } cited ? JsonSerializer.Deserialize<List<string>>(cited) : null)
                : null);
    }

    public static StoreEntity ToEntity(string pollId, string voterKey, Vote vote, PollRecipient? identity) => new(pollId, voterKey, new Dictionary<string, object?>
    {
        ["Choices"] = string.Join(',', vote.Choices.Select(c => c.ToString(CultureInfo.InvariantCulture))),
        ["Comment"] = vote.Comment,
        ["Department"] = vote.DepartmentCode,
        ["Role"] = vote.Role,
        // Named polls only: anonymous votes are written with a null identity.
        ["UserId"] = identity?.UserId,
        ["PersonKey"] = identity?.PersonKey,
        ["Name"] = identity is null ? null : vote.VoterName,
    }.Where(p => p.Value is not null).ToDictionary());

    public static Vote VoteFromEntity(StoreEntity e) => new(
        ParseChoices(e.GetString("Choices")),
        e.GetString("Comment"),
        e.GetString("Department"),
        e.GetString("Role"),
        e.GetString("Name"));

    public static IReadOnlyList<int> ParseChoices(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. text.Split(',').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).Where(i => i >= 0)];

    public static StoreEntity ToEntity(PollRecipient r, string pollId) => new(pollId, StoreKey.Escape(r.UserId), new Dictionary<string, object?>
    {
        ["PersonKey"] = r.PersonKey,
        ["Department"] = r.DepartmentCode,
        ["Role"] = r.Role,
    }.Where(p => p.Value is not null).ToDictionary());

    public static PollRecipient RecipientFromEntity(StoreEntity e) => new(
        StoreKey.Unescape(e.RowKey), e.GetString("PersonKey") ?? string.Empty, e.GetString("Department"), e.GetString("Role"));
}
