using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Catalogue;

/// <summary>Registration of the catalogue core: its tables, the store, the CSV importer and the start-up import.</summary>
public static class CatalogueServices
{
    public static IServiceCollection AddServiceCatalogue(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddStoreTable(ServiceCatalogue.TableName);
        services.AddStoreTable(ServiceCatalogue.FollowersTable);
        services.AddStoreTable(ServiceCatalogue.StatusTable);
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceCatalogue>();
        services.AddSingleton<CatalogueImporter>();
        services.AddSingleton<FaqFinder>();
        services.AddSingleton<People.IPersonalData, CataloguePersonalData>();
        services.AddHostedService<CatalogueStartupImport>();
        return services;
    }
}
