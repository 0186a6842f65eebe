using TeamsEngage.Calendar;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Asking;

/// <summary>Whom findings go to: the audience that was asked, as the directory names it when they are sent.</summary>
public sealed record FindingsAudienceSpec(string SourceId, Audience Audience);

/// <summary>
/// Resolves the audience of findings page by page for the outbox's writer. Findings answer a question people were
/// asked, so the weekly cap does not apply and nothing is recorded beyond the outbox's own rows. They are routine: each
/// waits for its recipient's quiet hours. Each asking feature registers one under its own kind.
/// </summary>
public sealed class FindingsAudience(string kind, IPeopleDirectory directory, QuietHours quiet) : IBroadcastAudience
{
    public string Kind => kind;

    public Task<int> CountAsync(string spec, CancellationToken cancellationToken) => directory.CountAsync(Read(spec).Audience, cancellationToken);

    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken) =>
        await directory.PageAsync(Read(spec).Audience, afterPersonKey, max, await quiet.PlanAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Registers the findings audience of one asking feature under <paramref name="kind"/>.</summary>
    public static IServiceCollection Register(IServiceCollection services, string kind) =>
        services.AddSingleton<IBroadcastAudience>(sp => new FindingsAudience(kind, sp.GetRequiredService<IPeopleDirectory>(), sp.GetRequiredService<QuietHours>()));

    // An unreadable spec must stop the writer, never widen the audience.
    private FindingsAudienceSpec Read(string spec) =>
        OutboxPayload.Deserialize<FindingsAudienceSpec>(spec) ?? throw new InvalidOperationException($"A findings broadcast's audience spec ({kind}) cannot be read.");
}
