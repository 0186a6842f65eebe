using System.Text.Json;
using TeamsEngage.Asking;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Surveys;

/// <summary>How surveys, recipients and answers map to store rows.</summary>
internal static class SurveyEntities
{
    public const string SurveyRow = "survey";
    public const string SecretRow = "secret";
    public const string OpenPartition = "~open";

    /// <summary>The index of sent surveys, newest first: row <c>{inverted ticks}|{survey id}</c>.</summary>
    public const string SentPartition = "~sent";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoreEntity ToEntity(Survey survey) => new(survey.Id, SurveyRow, new Dictionary<string, object?>
    {
        ["Title"] = survey.Spec.Title,
        ["Intro"] = survey.Spec.Intro,
        ["Questions"] = JsonSerializer.Serialize(survey.Spec.Questions, Json),
        ["Anonymous"] = survey.Spec.Anonymous,
        ["ClosesAt"] = survey.Spec.ClosesAt.ToUniversalTime(),
        ["AudienceKind"] = survey.Spec.Audience.Kind.ToString(),
        ["AudienceValues"] = JsonSerializer.Serialize(survey.Spec.Audience.Values),
        ["Grouping"] = survey.Spec.Grouping.ToString(),
        ["AuthorUserId"] = survey.AuthorUserId,
        ["AuthorName"] = survey.AuthorName,
        ["Status"] = survey.Status.ToString(),
        ["CreatedAt"] = survey.CreatedAt.ToUniversalTime(),
        ["Recipients"] = survey.Recipients,
        ["Capped"] = survey.Capped,
        ["ClosedAt"] = survey.ClosedAt?.ToUniversalTime(),
        ["RemindedAt"] = survey.RemindedAt?.ToUniversalTime(),
        ["GroupsRemindedAt"] = survey.GroupsRemindedAt?.ToUniversalTime(),
        ["AnswerGroups"] = survey.AnswerGroups is null ? null : JsonSerializer.Serialize(survey.AnswerGroups),
        ["Findings"] = survey.Findings is null ? null : JsonSerializer.Serialize(survey.Findings, Json),
    }.Where(p => p.Value is not null).ToDictionary(), survey.ETag);

    public static Survey FromEntity(StoreEntity e)
    {
        var spec = new SurveySpec(
            e.GetString("Title") ?? string.Empty,
            e.GetString("Intro") ?? string.Empty,
            JsonSerializer.Deserialize<List<SurveyQuestion>>(e.GetString("Questions") ?? "[]", Json) ?? [],
            e.GetBoolean("Anonymous") ?? false,
            e.GetDateTimeOffset("ClosesAt") ?? DateTimeOffset.MaxValue,
            new Audience(
                Enum.Parse<AudienceKind>(e.GetString("AudienceKind") ?? nameof(AudienceKind.Everyone)),
                JsonSerializer.Deserialize<List<string>>(e.GetString("AudienceValues") ?? "[]") ?? []),
            Enum.Parse<SurveyGrouping>(e.GetString("Grouping") ?? nameof(SurveyGrouping.None)));
        return new Survey(
            e.PartitionKey,
            spec,
            e.GetString("AuthorUserId") ?? string.Empty,
            e.GetString("AuthorName"),
            Enum.Parse<SurveyStatus>(e.GetString("Status") ?? nameof(SurveyStatus.Draft)),
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            e.GetInt32("Recipients") ?? 0,
            e.GetInt32("Capped") ?? 0,
            e.GetDateTimeOffset("ClosedAt"),
            e.GetDateTimeOffset("RemindedAt"),
            e.ETag,
            e.GetString("AnswerGroups") is { } groups ? JsonSerializer.Deserialize<List<string>>(groups) : null,
            e.GetDateTimeOffset("GroupsRemindedAt"),
            e.GetString("Findings") is { } findings ? JsonSerializer.Deserialize<Findings>(findings, Json) : null);
    }

    public static StoreEntity ToEntity(string surveyId, string key, SurveyAnswer answer, SurveyRecipient? identity) => new(surveyId, key, new Dictionary<string, object?>
    {
        ["Answers"] = JsonSerializer.Serialize(answer.Values),
        ["Department"] = answer.DepartmentCode,
        ["Role"] = answer.Role,
        // Named surveys only: anonymous answers are written with a null identity.
        ["UserId"] = identity?.UserId,
        ["PersonKey"] = identity?.PersonKey,
        ["Name"] = identity is null ? null : answer.Name,
    }.Where(p => p.Value is not null).ToDictionary());

    public static SurveyAnswer AnswerFromEntity(StoreEntity e) => new(
        JsonSerializer.Deserialize<List<string?>>(e.GetString("Answers") ?? "[]") ?? [],
        e.GetString("Department"),
        e.GetString("Role"),
        e.GetString("Name"));

    public static StoreEntity ToEntity(SurveyRecipient r, string surveyId) => new(surveyId, StoreKey.Escape(r.UserId), new Dictionary<string, object?>
    {
        ["PersonKey"] = r.PersonKey,
        ["Department"] = r.DepartmentCode,
        ["Role"] = r.Role,
    }.Where(p => p.Value is not null).ToDictionary());

    public static SurveyRecipient RecipientFromEntity(StoreEntity e) => new(
        StoreKey.Unescape(e.RowKey), e.GetString("PersonKey") ?? string.Empty, e.GetString("Department"), e.GetString("Role"));
}
