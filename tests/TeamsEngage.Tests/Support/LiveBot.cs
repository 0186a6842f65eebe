using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Support;

/// <summary>
/// The bot as a developer runs it locally: Development environment, no app id (anonymous), embedded store,
/// on a real Kestrel socket at 127.0.0.1 so an outside peer (the Agents Playground) can call it.
/// </summary>
public sealed class LiveBot : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly TemporaryDirectory _data;

    private LiveBot(WebApplicationFactory<Program> factory, TemporaryDirectory data, Uri baseAddress)
    {
        _factory = factory;
        _data = data;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri MessagingEndpoint => new(BaseAddress, "/api/messages");

    public IServiceProvider Services => _factory.Services;

    public static Task<LiveBot> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var data = new TemporaryDirectory();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("MicrosoftAppId", string.Empty);
            web.UseSetting("Storage:DataDirectory", data.Path);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return Task.FromResult(new LiveBot(factory, data, new Uri(address)));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }
}
