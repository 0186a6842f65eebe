using TeamsEngage.Outbox;
using TeamsEngage.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.People;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// The directory in Teams: the welcome and everyone's profile, the administrators' departments and CSV import.
/// The directory itself (people, departments, roles) is the core in <c>TeamsEngage.People</c>.
/// </summary>
public static class DirectoryFeature
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddStoreTable(WelcomeLedger.TableName);
        services.AddSingleton<WelcomeLedger>();
        services.AddSingleton<ProfileDesk>();
        services.AddSingleton<IOutboxRenderer, WelcomeRenderer>();
        services.AddSingleton<DepartmentDesk>();
        services.AddSingleton<ImportDesk>();
        services.AddSingleton<IFileReceiver, DirectoryCsvFiles>();
        services.AddSingleton<DepartmentReview>();
        services.AddSingleton<IPersonalData, WelcomePersonalData>();
        services.AddSingleton<IEntityAccess<Department>, DepartmentAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        var bot = app.BotRoutes();
        bot.MapCommand<ProfileDesk>(BotCommands.Profile, (command, profiles, ct) => profiles.ShowAsync(command, ct));
        bot.MapCommand<DepartmentDesk>(BotCommands.Departments, (command, desk, ct) => desk.ShowAsync(command, ct));
        bot.MapCommand<ImportDesk>(BotCommands.Import, (command, desk, ct) => desk.ShowAsync(command, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Directory_Profile_UnknownDepartment, Refused: TextKeys.Error_CardAction, ChangedMeanwhile: TextKeys.Error_CardAction))
            .Map<ProfileSaveData, Department, ProfileDesk>(DirectoryVerbs.ProfileSave, Who.Everyone, d => d.Department, (action, profiles, ct) => profiles.SaveAsync(action.Entity, action, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Directory_Departments_NotFound, Refused: TextKeys.Directory_Refused, ChangedMeanwhile: TextKeys.Directory_Departments_ChangedMeanwhile))
            .Map<NoData, DepartmentDesk>(DirectoryVerbs.DepartmentsList, Who.Administrators, (action, desk, ct) => desk.ListAsync(action, ct))
            .Map<NoData, DepartmentDesk>(DirectoryVerbs.DepartmentAdd, Who.Administrators, (action, desk, ct) => desk.AddAsync(action, ct))
            .Map<DepartmentRef, Department, DepartmentDesk>(DirectoryVerbs.DepartmentEdit, Who.Administrators, d => d.Code, (action, desk, ct) => desk.EditAsync(action.Entity, action, ct))
            .Map<DepartmentFormData, DepartmentDesk>(DirectoryVerbs.DepartmentSave, Who.Administrators, (action, desk, ct) => desk.SaveAsync(action, ct))
            .Map<DepartmentRef, Department, DepartmentDesk>(DirectoryVerbs.DepartmentRemove, Who.Administrators, d => d.Code, (action, desk, ct) => desk.RemoveAsync(action.Entity, action, ct))
            .Map<PersonRef, DepartmentReview>(DirectoryVerbs.DepartmentReview, Who.Administrators, (action, review, ct) => review.ShowAsync(action, ct))
            .Map<ConfirmDepartmentData, DepartmentReview>(DirectoryVerbs.DepartmentConfirm, Who.Administrators, (action, review, ct) => review.ConfirmAsync(action, ct));

        bot.MapActions(new ActionReplies(NotFound: TextKeys.Error_UnknownAction, Refused: TextKeys.Directory_Refused, ChangedMeanwhile: TextKeys.Error_CardAction))
            .Map<ImportData, ImportDesk>(DirectoryVerbs.Import, Who.Administrators, (action, desk, ct) => desk.ImportAsync(action, ct));
        return app;
    }
}
