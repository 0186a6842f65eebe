namespace TeamsEngage.Search;

public static class SearchServices
{
    /// <summary>The one text search the features share (its analysers are built once and are safe across threads).</summary>
    public static IServiceCollection AddTextSearch(this IServiceCollection services)
    {
        services.AddSingleton<TextSearch>();
        return services;
    }
}
