using TeamsEngage.Bot;

namespace TeamsEngage.Features.Directory;

/// <summary>The directory's Teams flows: profile, departments and import.</summary>
public static class DirectoryServices
{
    public static IServiceCollection AddDirectoryFeature(this IServiceCollection services)
    {
        services.AddSingleton<DepartmentViews>();
        services.AddSingleton<ICommand, ProfileCommand>();
        services.AddSingleton<ICommand, DepartmentsCommand>();
        services.AddSingleton<ICommand, ImportCommand>();
        services.AddSingleton<ICardAction, ProfileSaveAction>();
        services.AddSingleton<ICardAction, DepartmentsListAction>();
        services.AddSingleton<ICardAction, DepartmentEditAction>();
        services.AddSingleton<ICardAction, DepartmentSaveAction>();
        services.AddSingleton<ICardAction, DepartmentRemoveAction>();
        services.AddSingleton<ICardAction, ImportAction>();
        return services;
    }
}
