using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Connector.Client;

namespace TeamsEngage.Connector.Client
{
    /// <summary>Temporary.</summary>
    public sealed class ServiceUrlTrust
    {
        /// <summary>Temporary.</summary>
        public void Trust(string serviceUrl) { Last = serviceUrl; }
        /// <summary>Temporary.</summary>
        public string? Last { get; private set; }
    }

    /// <summary>Temporary.</summary>
    public static class TemporaryClientExtensions
    {
        /// <summary>Temporary.</summary>
        public static IServiceCollection AddBotConnectorClient(this IServiceCollection services, IConfiguration configuration)
        {
            _ = configuration;
            services.AddSingleton<ServiceUrlTrust>();
            return services;
        }
    }
}

namespace TeamsEngage.Connector.Auth
{
    /// <summary>Temporary.</summary>
    public static class TemporaryAuthExtensions
    {
        /// <summary>Temporary.</summary>
        public static IServiceCollection AddBotInboundAuthentication(this IServiceCollection services) => services;
    }
}
