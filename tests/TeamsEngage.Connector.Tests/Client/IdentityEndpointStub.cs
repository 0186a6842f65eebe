using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace TeamsEngage.Connector.Tests.Client;

/// <summary>
/// A Microsoft identity platform token endpoint on 127.0.0.1 for MSAL's client-credentials flow. MSAL insists on
/// https authorities, so its HTTP client is pointed here by <see cref="RedirectingHandler"/> instead of by authority.
/// </summary>
internal sealed class IdentityEndpointStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();
    private readonly ConcurrentQueue<Uri> _requestedUris = new();
    private HttpClient _msalClient = null!;
    private int _issued;

    private IdentityEndpointStub(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<TokenRequest> TokenRequests => [.. _tokenRequests];

    /// <summary>Every address MSAL asked for, before it was sent here: which authority it believed it was talking to.</summary>
    public IReadOnlyList<Uri> RequestedUris => [.. _requestedUris];

    /// <summary>When set, token requests are refused with this OAuth error.</summary>
    public string? RefuseWith { get; set; }

    public static async Task<IdentityEndpointStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new IdentityEndpointStub(app);
        app.MapGet("/common/discovery/instance", () => Results.Json(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = "https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["preferred_network"] = "login.microsoftonline.com",
                    ["preferred_cache"] = "login.windows.net",
                    ["aliases"] = new[] { "login.microsoftonline.com", "login.windows.net", "login.microsoft.com" },
                },
            },
        }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", (string tenant, HttpRequest request) => stub.IssueAsync(tenant, request));
        await app.StartAsync();
        stub.BaseUri = new Uri(app.Urls.First());
        stub._msalClient = new HttpClient(stub.RedirectingPrimaryHandler());
        return stub;
    }

    public IMsalHttpClientFactory HttpClientFactory() => new SharedClientFactory(_msalClient);

    public HttpMessageHandler RedirectingPrimaryHandler() => new RedirectingHandler(BaseUri, _requestedUris) { InnerHandler = new SocketsHttpHandler() };

    public async ValueTask DisposeAsync()
    {
        _msalClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> IssueAsync(string tenant, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        _tokenRequests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (RefuseWith is not null)
        {
            return Results.Json(new { error = RefuseWith, error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
        }
        var number = Interlocked.Increment(ref _issued).ToString(CultureInfo.InvariantCulture);
        return Results.Content(
            JsonSerializer.Serialize(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "msal-token-" + number }),
            "application/json");
    }

    internal sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);

    private sealed class SharedClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }

    /// <summary>Sends every request to the stub, keeping path and query.</summary>
    internal sealed class RedirectingHandler(Uri target, ConcurrentQueue<Uri> requested) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requested.Enqueue(request.RequestUri!);
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
