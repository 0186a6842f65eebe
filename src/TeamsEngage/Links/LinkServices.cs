using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Links;

/// <summary>Registers signed links to the bot's web pages, for any feature that serves one.</summary>
public static class LinkServices
{
    public static IServiceCollection AddSignedLinks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PublicLinkOptions>().BindConfiguration(PublicLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicLinkOptions>, PublicBaseUrlValidator>();
        // The key is the deployment's, not a district's: the tenant a page reads in is among what a link signs.
        services.AddSharedStoreTable(SignedLinks.SettingsTable);
        services.AddSingleton<SignedLinks>();
        return services;
    }
}
