using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.People.Import;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.People;

/// <summary>Registration of the directory core: its tables and options, reads and writes, caller resolution and start-up import.</summary>
public static class PeopleServices
{
    public static IServiceCollection AddPeopleDirectory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddStoreTable(PeopleRows.PeopleTable);
        services.AddStoreTable(PeopleRows.DepartmentsTable);
        services.AddStoreTable(PeopleRows.AuditTable);
        services.AddOptions<PeopleOptions>().BindConfiguration(PeopleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectoryOptions>, DirectoryOptionsValidator>());

        services.AddSingleton<ConfiguredAdministrators>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<IPeopleDirectory>(sp => sp.GetRequiredService<PeopleDirectory>());
        services.AddSingleton<DirectoryAudit>();
        services.AddSingleton<PeopleEditor>();
        services.AddSingleton<DepartmentEditor>();
        services.AddSingleton<DirectoryImporter>();
        services.AddSingleton<DepartmentWork>();
        services.AddSingleton<RecordedContacts>();
        services.AddSingleton<Departures>();
        services.AddSingleton<DataSubjects>();
        services.AddSingleton<DirectoryPersonalData>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<DirectoryPersonalData>());
        services.AddSingleton<IRetainedData>(sp => sp.GetRequiredService<DirectoryPersonalData>());
        services.AddSingleton<DeliveryPersonalData>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<DeliveryPersonalData>());
        services.AddSingleton<IRetainedData>(sp => sp.GetRequiredService<DeliveryPersonalData>());
        services.AddScoped<TurnPersonRecord>();
        services.AddScoped<ICallerResolver, DirectoryCallerResolver>();
        services.AddScoped<FirstContactRecorder>();
        services.AddScoped<ITurnObserver, InTenantObserver<FirstContactRecorder>>();
        services.AddHostedService<StartupImport>();
        return services;
    }
}
