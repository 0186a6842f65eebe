using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace TeamsEngage.Hosting;

/// <summary>
/// Runs the web host, and turns an address already in use into one sentence on the console and exit code 1.
/// </summary>
public static class ListeningAddresses
{
    private const string DefaultUrls = "http://localhost:5000";

    /// <summary>Runs until stopped; returns the process exit code.</summary>
    /// <remarks>
    /// The addresses are tried before the host starts: once started, the background services run, and a failed bind
    /// would stop them halfway through a sweep and bury the cause under their stack traces.
    /// </remarks>
    public static int RunOrExplain(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var urls = Configured(app.Configuration);
        if (FirstTaken(urls) is { } taken)
        {
            Console.Error.WriteLine(InUse(taken));
            return 1;
        }
        try
        {
            app.Run();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // Another process took the address between the check and the bind.
            Console.Error.WriteLine(InUse(urls));
            return 1;
        }
    }

    /// <summary>
    /// The addresses Kestrel binds when no endpoint is set in code: <c>urls</c>, else <c>http_ports</c> and
    /// <c>https_ports</c> (as container images set them), else its default.
    /// </summary>
    internal static string Configured(IConfiguration configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return urls;
        }
        var ports = Ports(configuration["http_ports"], "http").Concat(Ports(configuration["https_ports"], "https")).ToList();
        return ports.Count > 0 ? string.Join(';', ports) : DefaultUrls;
    }

    private static IEnumerable<string> Ports(string? setting, string scheme) =>
        (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"{scheme}://*:{port}");

    private static string InUse(string address) => string.Format(
        CultureInfo.InvariantCulture,
        "TeamsEngage cannot start: {0} is already in use by another process. Stop it, or choose another port (--urls, ASPNETCORE_URLS or BOT_ENDPOINT; see the README).",
        address);

    /// <summary>The first of the semicolon-separated URLs whose port cannot be bound now, or null.</summary>
    internal static string? FirstTaken(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(url) is { } endpoint && !CanBind(endpoint))
            {
                return url;
            }
        }
        return null;
    }

    private static IPEndPoint? Endpoint(string url)
    {
        // Kestrel's wildcard hosts are not valid in a Uri.
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }
        var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _) ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
            : IPAddress.Any;
        return new IPEndPoint(address, uri.Port);
    }

    private static bool CanBind(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
            socket.Listen();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            // Not ours to judge (an address of another machine, for example): Kestrel says what is wrong.
            return true;
        }
    }
}
