using System.Globalization;

namespace TeamsEngage.Bench;

/// <summary>The command line: <c>{command} --name value ...</c>.</summary>
internal sealed class BenchArguments
{
    public const string ConnectionStringVariable = "TEAMSENGAGE_BENCH_STORAGE";

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public BenchArguments(string[] args)
    {
        Command = args.Length > 0 ? args[0] : "help";
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? args[++i] : "true";
        }
    }

    public string Command { get; }

    public int Recipients => Int("recipients", 10_000);

    public double Limit => Double("limit", 50);

    public int Concurrency => Int("concurrency", 32);

    public string StoreKind => Text("store", "sqlite");

    public double FaultRate => Double("faults", 0.05);

    public double SlowRate => Double("slow", 0.02);

    public string SimulatorUrl => Text("sim", string.Empty);

    public string DataDirectory => Text("data", string.Empty);

    public string BroadcastId => Text("broadcast", "bench-notice");

    public bool Start => _values.ContainsKey("start");

    /// <summary>A host that does not start the broadcast waits for it before counting the work as done.</summary>
    public bool AwaitWork => _values.ContainsKey("await-work");

    public int Instances => Int("instances", 3);

    public StoreChoice Store() => new(StoreKind, DataDirectory, Environment.GetEnvironmentVariable(ConnectionStringVariable));

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;

    private int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private double Double(string name, double fallback) => _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
