using TeamsEngage.Testing.Hosting;

namespace TeamsEngage.Tests.Support;

/// <summary>
/// The bot as a developer runs it locally: Development environment, no app id (anonymous), embedded store,
/// on a real Kestrel socket at 127.0.0.1 so an outside peer (the Agents Playground) can call it.
/// </summary>
public sealed class LiveBot : IAsyncDisposable
{
    private readonly TestBotHost<Program> _host;

    private LiveBot(TestBotHost<Program> host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress!;

    public Uri MessagingEndpoint => new(BaseAddress, "/api/messages");

    public IServiceProvider Services => _host.Services;

    public static Task<LiveBot> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        Task.FromResult(new LiveBot(TestBotHost.For<Program>().Anonymous().WithSettings(settings).OnLoopbackSocket().Start()));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
