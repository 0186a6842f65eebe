using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Reporting;

/// <summary>Registers the figures rollup that features write to and reports read.</summary>
public static class ReportingServices
{
    public static IServiceCollection AddReportFigures(this IServiceCollection services)
    {
        services.AddStoreTable(FigureStore.TableName);
        services.AddSingleton<PendingFigures>();
        services.AddSingleton<FigureStore>();
        services.AddSingleton<StandingFigures>();
        services.AddHostedService<FigureWriter>();
        services.AddSingleton<IReportFigures>(sp => sp.GetRequiredService<FigureStore>());
        services.AddSingleton<AskFigures>();
        return services;
    }
}
