using TeamsEngage.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.People;
using TeamsEngage.Storage;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// Privacy: the retention periods and their daily sweep, and the administrators' export and erasure of one person.
/// It knows no other feature: each one takes part through <see cref="IPersonalData"/> and <see cref="IRetainedData"/>.
/// </summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStoreTable(PrivacyLinks.ExportsTable);
        services.AddStoreTable(RetentionSweep.RunsTable);
        services.AddSingleton<PrivacyLinks>();
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<PrivacyDesk>();
        services.AddSingleton<IEntityAccess<Person>, PrivacySubjectAccess>();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweep>());
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<PrivacyDesk>(BotCommands.Privacy, (command, desk, ct) => desk.ShowAsync(command, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Privacy_NotFound, Refused: TextKeys.Privacy_Refused, ChangedMeanwhile: TextKeys.Error_CardAction))
            .Map<PrivacyFindData, PrivacyDesk>(PrivacyVerbs.Find, Who.Administrators, (action, desk, ct) => desk.FindAsync(action, ct))
            .Map<PrivacyPersonData, Person, PrivacyDesk>(PrivacyVerbs.Export, Who.Administrators, d => d.PersonKey, (action, desk, ct) => desk.ExportAsync(action, ct))
            .Map<PrivacyPersonData, Person, PrivacyDesk>(PrivacyVerbs.AskErase, Who.Administrators, d => d.PersonKey, (action, desk, _) => Task.FromResult(desk.AskErase(action)))
            .Map<PrivacyPersonData, Person, PrivacyDesk>(PrivacyVerbs.Erase, Who.Administrators, d => d.PersonKey, (action, desk, ct) => desk.EraseAsync(action, ct));

        // The export file, reachable only through a signed link that expires.
        app.MapGet("/privacy/exports/{exportId}", ExportAsync);
        return app;
    }

    private static async Task<IResult> ExportAsync(string exportId, string? tenant, string? exp, string? sig, PrivacyLinks links, PersonalDataService personal, CancellationToken cancellationToken)
    {
        if (await links.ValidTenantAsync(exportId, tenant, exp, sig, cancellationToken).ConfigureAwait(false) is not { } tenantId)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        using var scope = TenantScope.Enter(tenantId);
        if (await links.PersonOfAsync(exportId, cancellationToken).ConfigureAwait(false) is not { } personKey)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var export = await personal.ExportAsync(personKey, cancellationToken).ConfigureAwait(false);
        return export?.Json is { } json ? TypedResults.File(json, "application/json", "personal-data.json") : TypedResults.NotFound();
    }
}
