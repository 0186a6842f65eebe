namespace TeamsEngage.Bench;

/// <summary>
/// Outbox benchmark. <c>broadcast</c>: one notice to N recipients through the real dispatcher and store, against a
/// connector simulator that enforces Teams' limits. <c>resume</c>: the same, with the bot killed hard half-way and
/// started again. <c>scale</c> / <c>scale-kill</c>: several bot processes on one store sharing the tenant's rate, one of
/// them killed hard half-way in the second. <c>installs</c>: a district-wide install of the real bot, welcomes sent at
/// the tenant's rate. <c>host</c>: the bot process both of them start. See bench/README.md.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = new BenchArguments(args);
        switch (arguments.Command)
        {
            case "broadcast":
                return await BroadcastCommand.RunAsync(arguments, resume: false);
            case "resume":
                return await BroadcastCommand.RunAsync(arguments, resume: true);
            case "scale":
                return await ScaleCommand.RunAsync(arguments, kill: false);
            case "scale-kill":
                return await ScaleCommand.RunAsync(arguments, kill: true);
            case "installs":
                return await InstallsCommand.RunAsync(arguments);
            case "host":
                return await HostCommand.RunAsync(arguments);
            default:
                Console.WriteLine("usage: broadcast|resume|scale|scale-kill|installs --recipients N --store sqlite|azurite --limit R [--concurrency C] [--faults 0.05] [--slow 0.02]");
                return 2;
        }
    }
}
