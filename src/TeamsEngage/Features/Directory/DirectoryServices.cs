namespace TeamsEngage.Features.Directory;

/// <summary>The directory's Teams flows: profile, departments and import.</summary>
public static class DirectoryServices
{
    public static IServiceCollection AddDirectoryFeature(this IServiceCollection services)
    {
        return services;
    }
}
