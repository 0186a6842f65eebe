using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Bot;
using TeamsEngage.Conversations;
using TeamsEngage.Features.Surveys;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Bench.Surveys;

/// <summary>An open ten-question survey with N recipients, written through the feature's own store, and the invokes that answer it.</summary>
internal static class SurveySeeding
{
    private static readonly string[] Departments = ["SCI", "MATH", "ART", "ENG", "PE"];
    private static readonly string[] Labels = ["Very badly", "Badly", "Okay", "Well", "Very well"];

    public static readonly SurveyQuestion[] Questions =
    [
        new("Which day suits training?", QuestionKind.Choice, ["Monday", "Wednesday", "Friday"], true),
        new("Which device do you use most?", QuestionKind.Choice, ["Laptop", "Tablet", "Phone", "Desktop"], true),
        new("Did you attend the pilot?", QuestionKind.Choice, ["Yes", "No"], false),
        new("Which tools do you use?", QuestionKind.Multiple, ["Teams", "Email", "Drive", "Paper"], false),
        new("How is Teams working for you?", QuestionKind.Rating, Labels, true),
        new("How is sign-in working for you?", QuestionKind.Rating, Labels, false),
        new("How useful was the training?", QuestionKind.Rating, Labels, false),
        new("How likely are you to recommend Teams?", QuestionKind.Likelihood, [], true),
        new("How likely are you to use it next term?", QuestionKind.Likelihood, [], false),
        new("What would make it better?", QuestionKind.Text, [], false),
    ];

    public static async Task<string> SeedSurveyAsync(IServiceProvider services, int people)
    {
        using var scope = TenantScope.Enter(Tenant);
        var surveys = services.GetRequiredService<SurveyStore>();
        var spec = new SurveySpec("After the rollout", "", Questions, false, DateTimeOffset.UtcNow.AddDays(1), Audience.Everyone);
        var draft = await surveys.CreateDraftAsync(new Survey(SurveyStore.NewId(), spec, "29:bench-author", "Bench", SurveyStatus.Draft, DateTimeOffset.UtcNow), CancellationToken.None);
        await surveys.OpenAsync(draft, CancellationToken.None);
        var open = await surveys.UpdateAsync(draft with { Status = SurveyStatus.Open, Recipients = people }, CancellationToken.None);
        var recipients = Enumerable.Range(0, people).Select(i => new SurveyRecipient(UserId(i), "person-" + i.ToString(CultureInfo.InvariantCulture), Departments[i % Departments.Length], nameof(Role.Member))).ToList();
        await surveys.AddRecipientsAsync(open.Id, recipients, CancellationToken.None);
        return open.Id;
    }

    /// <summary>Everyone installed the bot before the survey reached them (directory row and conversation reference). Not measured.</summary>
    public static async Task SeedPeopleAsync(IServiceProvider services, int people, Uri serviceUrl)
    {
        using var scope = TenantScope.Enter(Tenant);
        var editor = services.GetRequiredService<PeopleEditor>();
        var references = new ConversationReferenceStore(services.GetRequiredService<ITableStore>());
        await Parallel.ForAsync(0, people, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            await editor.RecordContactAsync(new Contact(AadId(i), UserId(i), "Respondent", null, MemberChecked: true), ct);
            await references.RefreshAsync(new ConversationReference(UserId(i), AadId(i), "Respondent", serviceUrl.ToString(), ConversationId(i), Tenant, BotId, "en-US", null), ct);
        });
    }

    /// <summary>Person i's answer to question q, a pure function of both, so the expected tallies can be counted apart.</summary>
    public static string? Answer(int i, int q) => q switch
    {
        0 => (i % 3).ToString(CultureInfo.InvariantCulture),
        1 => (i % 4).ToString(CultureInfo.InvariantCulture),
        2 => i % 6 == 0 ? null : (i % 2).ToString(CultureInfo.InvariantCulture),
        3 => string.Join(',', new[] { i % 4, (i + 1) % 4 }.Order()),
        4 or 5 or 6 => q == 6 && i % 5 == 0 ? null : (((i + q) % 5) + 1).ToString(CultureInfo.InvariantCulture),
        7 or 8 => ((i + q) % 11).ToString(CultureInfo.InvariantCulture),
        _ => i % 3 == 0 ? "More training videos " + (i % 7).ToString(CultureInfo.InvariantCulture) : null,
    };

    public static string InvokeJson(string surveyId, int i, Uri serviceUrl)
    {
        var data = new Dictionary<string, string?> { ["surveyId"] = surveyId, ["for"] = UserId(i) };
        for (var q = 0; q < Questions.Length; q++)
        {
            data["q" + q.ToString(CultureInfo.InvariantCulture)] = Answer(i, q);
        }
        return JsonSerializer.Serialize(new
        {
            type = "invoke",
            name = "adaptiveCard/action",
            id = "bench-" + i.ToString(CultureInfo.InvariantCulture),
            serviceUrl = serviceUrl.ToString(),
            channelId = "msteams",
            from = new { id = UserId(i), name = "Respondent", aadObjectId = AadId(i) },
            conversation = new { conversationType = "personal", id = ConversationId(i), tenantId = Tenant },
            recipient = new { id = BotId, name = "TeamsEngage" },
            replyToId = "1",
            value = new { action = new { type = "Action.Execute", verb = SurveyVerbs.Answer, data }, trigger = "manual" },
            channelData = new { tenant = new { id = Tenant } },
            locale = "en-US",
        });
    }

    /// <summary>The counts per question and value, counted from <see cref="Answer"/> alone.</summary>
    public static int[][] ExpectedCounts(int people) => [.. Questions.Select((question, q) =>
    {
        var (low, points) = SurveyDisclosure.Scale(question);
        var counts = new int[question.Kind == QuestionKind.Text ? 0 : points];
        for (var i = 0; i < people; i++)
        {
            foreach (var part in question.Kind == QuestionKind.Text || Answer(i, q) is not { } value ? [] : value.Split(','))
            {
                counts[int.Parse(part, CultureInfo.InvariantCulture) - low]++;
            }
        }
        return counts;
    })];

    /// <summary>The tallies the results card shows, read fresh from the store.</summary>
    public static async Task<SurveyResults> ResultsAsync(IServiceProvider services, string surveyId)
    {
        using var scope = TenantScope.Enter(Tenant);
        var surveys = services.GetRequiredService<SurveyStore>();
        var survey = (await surveys.FindAsync(surveyId, CancellationToken.None))!;
        return SurveyDisclosure.Results(survey, await surveys.ReadAnswersAsync(survey, CancellationToken.None), 5, null, t => t);
    }

    private const string Tenant = "5b0c7a1e-2f4d-4c83-9e6a-b7d1c2f3a4e5";
    private const string BotId = "28:bench-bot";

    private static string ConversationId(int i) => "a:bench-" + i.ToString(CultureInfo.InvariantCulture);

    private static string UserId(int i) => "29:bench-respondent-" + i.ToString(CultureInfo.InvariantCulture);

    private static string AadId(int i) => new Guid(i, 0, 0, new byte[8]).ToString();
}
