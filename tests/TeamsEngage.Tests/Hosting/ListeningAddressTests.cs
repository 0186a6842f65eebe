using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using TeamsEngage.Hosting;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Hosting;

/// <summary>Which addresses the start-up check tries before the host starts, and when it has none to try.</summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task ABotInsideTheTestServerStartsWhileAnotherProcessHoldsTheDefaultPort()
    {
        // Whoever holds 5000 (this listener, or a process of the machine when the bind fails), the in-memory server binds nothing.
        using var holder = TryHold(5000);

        await using var bot = await BotApplication.StartAsync();
        using var live = await bot.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public void WithoutUrlsTheHttpPortsSettingIsWhatIsChecked()
    {
        using var held = new TcpListener(IPAddress.Loopback, 0);
        held.Start();
        var port = ((IPEndPoint)held.LocalEndpoint).Port;

        var addresses = ListeningAddresses.Configured(Settings(("http_ports", port.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal($"http://*:{port}", addresses);
        Assert.Equal($"http://*:{port}", ListeningAddresses.FirstTaken(addresses));
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:4000", "http://127.0.0.1:4000")]
    [InlineData("https_ports", "8443", "https://*:8443")]
    [InlineData(null, null, "http://localhost:5000")]
    public void TheAddressesCheckedAreTheOnesKestrelWouldUse(string? key, string? value, string expected)
    {
        var settings = key is null ? Settings() : Settings((key, value!), ("http_ports", key == "urls" ? "9000" : null));

        Assert.Equal(expected, ListeningAddresses.Configured(settings));
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value))).Build();

    private static TcpListener? TryHold(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            return null;
        }
    }
}
