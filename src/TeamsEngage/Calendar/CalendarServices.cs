using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Calendar;

/// <summary>Registration of the calendar core: its table, its default from configuration, and school-time changes.</summary>
public static class CalendarServices
{
    public static IServiceCollection AddSchoolCalendar(this IServiceCollection services)
    {
        services.AddStoreTable(CalendarStore.TableName);
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>());
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<SchoolCalendars>();
        services.AddSingleton<QuietHours>();
        return services;
    }
}
