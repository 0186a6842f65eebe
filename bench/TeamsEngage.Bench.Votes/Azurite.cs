using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TeamsEngage.Bench.Votes;

/// <summary>Azurite's table service in memory on a free loopback port; stopped (process tree) on dispose.</summary>
internal sealed class Azurite : IAsyncDisposable
{
    private readonly Process _process;

    private Azurite(Process process, int port)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync(string repositoryRoot)
    {
        var port = FreePort();
        var script = Path.Combine(repositoryRoot, "tests", "node", "node_modules", "azurite", "dist", "src", "table", "main.js");
        var start = new ProcessStartInfo("node", [script, "--inMemoryPersistence", "--disableTelemetry", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--skipApiVersionCheck"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        // A socket whose connect failed cannot connect again: each probe has its own. Up to 30 s on a loaded machine.
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new Azurite(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("Azurite did not listen in time.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
