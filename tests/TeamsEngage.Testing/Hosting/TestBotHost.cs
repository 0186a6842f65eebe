using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using TeamsEngage.Connector.Client;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Testing.Hosting;

/// <summary>
/// The one way tests start the real bot: <c>TestBotHost.For&lt;Program&gt;()</c>, then settings, an environment,
/// a data folder (a fresh one by default, or a shared one for a restart or a second instance), service replacements
/// and, for outside peers such as the Agents Playground, a real socket on 127.0.0.1.
/// </summary>
public static class TestBotHost
{
    public static TestBotHostBuilder<TProgram> For<TProgram>() where TProgram : class => new();
}

/// <summary>Builds a <see cref="TestBotHost{TProgram}"/>.</summary>
public sealed class TestBotHostBuilder<TProgram> where TProgram : class
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];
    private string _environment = "Production";
    private string? _dataDirectory;
    private bool _socket;

    /// <summary>The public address a production host is given: links built by the bot point here.</summary>
    public const string PublicBaseUrl = "https://teamsengage.test.example";

    internal TestBotHostBuilder()
    {
        // Every production deployment has one; tests of its absence set it empty.
        _settings["TeamsEngage:PublicBaseUrl"] = PublicBaseUrl;
    }

    /// <summary>The ASP.NET Core environment (Production by default, as a district runs it).</summary>
    public TestBotHostBuilder<TProgram> InEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>Adds or overrides configuration keys.</summary>
    public TestBotHostBuilder<TProgram> WithSettings(IReadOnlyDictionary<string, string?>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        return this;
    }

    /// <summary>A production identity: app id and tenant, channel tokens checked against <paramref name="metadataUrl"/>, outbound tokens faked.</summary>
    public TestBotHostBuilder<TProgram> WithBotIdentity(string appId, string tenantId, string? metadataUrl = null)
    {
        _settings["MicrosoftAppType"] = "SingleTenant";
        _settings["MicrosoftAppId"] = appId;
        _settings["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced";
        _settings["MicrosoftAppTenantId"] = tenantId;
        if (metadataUrl is not null)
        {
            _settings["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl;
        }
        return WithServices(services =>
        {
            services.RemoveAll<IBotTokenProvider>();
            services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider());
        });
    }

    /// <summary>The anonymous local mode (Development, no app id), as a developer runs the bot against the Playground.</summary>
    public TestBotHostBuilder<TProgram> Anonymous()
    {
        _environment = "Development";
        _settings["MicrosoftAppId"] = string.Empty;
        return this;
    }

    /// <summary>Uses an existing data folder for the embedded store (it is not deleted at the end).</summary>
    public TestBotHostBuilder<TProgram> OnDataDirectory(string path)
    {
        _dataDirectory = path;
        return this;
    }

    /// <summary>Listens on a real socket at 127.0.0.1 (an ephemeral port) instead of the in-memory test server.</summary>
    public TestBotHostBuilder<TProgram> OnLoopbackSocket()
    {
        _socket = true;
        return this;
    }

    /// <summary>Replaces or adds services after the app's own registrations.</summary>
    public TestBotHostBuilder<TProgram> WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Builds and starts the host, so start-up failures surface here.</summary>
    /// <remarks>
    /// When the app refuses to start (a bad setting), its entry point disposes the host as its start fails, and the
    /// factory, racing it, may report that disposal instead of the app's own error. Starting once more then surfaces
    /// the app's error, which is what a test of a refused start reads.
    /// </remarks>
    public TestBotHost<TProgram> Start()
    {
        try
        {
            return StartOnce();
        }
        catch (ObjectDisposedException)
        {
            return StartOnce();
        }
    }

    private TestBotHost<TProgram> StartOnce()
    {
        var owned = _dataDirectory is null ? new TemporaryDirectory() : null;
        var dataDirectory = _dataDirectory ?? owned!.Path;
        var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(_environment);
            web.UseSetting("Storage:DataDirectory", dataDirectory);
            // The host binds no fixed port (in memory, or a socket on port 0), so the start-up check has none to try.
            web.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in _settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
            {
                // Every log record is kept, so a test can read what the bot wrote to its logs.
                services.AddFakeLogging();
                _services.ForEach(configure => configure(services));
            });
        });
        try
        {
            Uri? address = null;
            if (_socket)
            {
                factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
                factory.StartServer();
                address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            }
            _ = factory.Services;
            return new TestBotHost<TProgram>(factory, owned, dataDirectory, address);
        }
        catch
        {
            factory.Dispose();
            owned?.Dispose();
            throw;
        }
    }

    private sealed class FixedTokenProvider : IBotTokenProvider
    {
        public bool HasCredentials => true;

        public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>("test-outbound-token");
    }
}

/// <summary>A running bot in a test. Disposing stops it and deletes the data folder it created.</summary>
public sealed class TestBotHost<TProgram> : IAsyncDisposable where TProgram : class
{
    private readonly WebApplicationFactory<TProgram> _factory;
    private readonly TemporaryDirectory? _ownedData;

    internal TestBotHost(WebApplicationFactory<TProgram> factory, TemporaryDirectory? ownedData, string dataDirectory, Uri? baseAddress)
    {
        _factory = factory;
        _ownedData = ownedData;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The embedded store's folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The socket's address, when started with <see cref="TestBotHostBuilder{TProgram}.OnLoopbackSocket"/>.</summary>
    public Uri? BaseAddress { get; }

    /// <summary>Every log record the bot has written so far, at the levels its logging configuration enables.</summary>
    public FakeLogCollector Logs => _factory.Services.GetRequiredService<FakeLogCollector>();

    /// <summary>A client for the in-memory test server.</summary>
    public HttpClient CreateClient() => _factory.CreateClient();

    /// <summary>A client as a browser's first request sees the app: redirects and cookies are left to the caller.</summary>
    public HttpClient CreatePlainClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _ownedData?.Dispose();
    }
}
