using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Bot;
using TeamsEngage.Outbox;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Polls;

/// <summary>Registration of the polls feature.</summary>
public static class PollsServices
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PollsOptions>().BindConfiguration(PollsOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PollsOptions>, PollsOptionsValidator>();
        services.AddStoreTable(PollStore.PollsTable);
        services.AddStoreTable(PollStore.RecipientsTable);
        services.AddStoreTable(VoteStore.TableName);
        services.AddStoreTable(PollLedger.TableName);
        services.AddStoreTable(PollLinks.SettingsTable);
        services.AddSingleton<PollStore>();
        services.AddSingleton<VoteStore>();
        services.AddSingleton<PollLedger>();
        services.AddSingleton<PollLinks>();
        services.AddSingleton<PollService>();
        services.AddSingleton<PersonalPollView>();
        services.AddSingleton<PollResultsBuilder>();
        services.AddSingleton<PollCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<PollCloser>());
        services.AddSingleton<ICommand, PollCommand>();
        services.AddSingleton<ICardAction, PreviewPollAction>();
        services.AddSingleton<ICardAction, SendPollAction>();
        services.AddSingleton<ICardAction, VoteAction>();
        services.AddSingleton<ICardAction, ChangeVoteAction>();
        services.AddSingleton<ICardAction, RefreshPollAction>();
        services.AddSingleton<ICardAction, PollResultsAction>();
        services.AddSingleton<ICardAction, ClosePollAction>();
        services.AddSingleton<ICardAction, RemindPollAction>();
        services.AddSingleton<IOutboxRenderer, PollCardRenderer>();
        services.AddSingleton<IOutboxRenderer, PollReminderRenderer>();
        return services;
    }
}
