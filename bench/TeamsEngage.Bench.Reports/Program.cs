using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Bench.Reports;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Tickets;
using TeamsEngage.People;
using TeamsEngage.Reporting;

// Usage: dotnet run -c Release --project bench/TeamsEngage.Bench.Reports -- [--small] [--people N] [--departments N]
//   [--notices N] [--tickets N] [--polls N] [--feedback N] [--requests N] [--keep] [--data DIR]
var options = BenchOptions.Read(args);
var volume = options.Volume;
var district = new District(volume);
var runId = Guid.NewGuid().ToString("N");
// Seeded on a RAM disk when there is one (every write commits, and a year of events is millions of writes);
// measured on a copy on the ordinary disk.
var seedRoot = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "teamsengage-reports-seed-" + runId);
var measuredData = Path.Combine(Path.GetTempPath(), "teamsengage-reports-" + runId);
var output = new StringBuilder();
if (options.Data is { } kept)
{
    // A store seeded and kept by an earlier run (--keep): measured again, not seeded.
    await Measuring.RunAsync(district, kept, options.Requests);
    return;
}
try
{
    var seeding = await Seeding.RunAsync(district, seedRoot, output);
    Directory.CreateDirectory(measuredData);
    foreach (var file in Directory.GetFiles(Path.Combine(seedRoot, "data")))
    {
        File.Copy(file, Path.Combine(measuredData, Path.GetFileName(file)));
    }
    var onDisk = Directory.GetFiles(measuredData).Sum(f => new FileInfo(f).Length);
    output.AppendLine(CultureInfo.InvariantCulture, $"seeding {seeding.TotalSeconds:F0} s; store on disk {onDisk / 1048576.0:F1} MiB ({measuredData})");
    Console.WriteLine(output.ToString());
    await Measuring.RunAsync(district, measuredData, options.Requests);
}
finally
{
    if (Directory.Exists(seedRoot))
    {
        Directory.Delete(seedRoot, recursive: true);
    }
    if (!options.Keep && Directory.Exists(measuredData))
    {
        Directory.Delete(measuredData, recursive: true);
    }
}

namespace TeamsEngage.Bench.Reports
{
    internal sealed record BenchOptions(Volume Volume, int Requests, bool Keep, string? Data)
    {
        public static BenchOptions Read(string[] args)
        {
            var small = args.Contains("--small");
            var volume = small ? Volume.Small : Volume.District;
            int Value(string name, int fallback) =>
                Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
            volume = new Volume(Value("--people", volume.People), Value("--departments", volume.Departments), Value("--notices", volume.Notices),
                Value("--tickets", volume.Tickets), Value("--polls", volume.Polls), Value("--feedback", volume.Feedback));
            var data = Array.IndexOf(args, "--data") is var d and >= 0 && d + 1 < args.Length ? args[d + 1] : null;
            return new BenchOptions(volume, Value("--requests", small ? 10 : 50), args.Contains("--keep"), data);
        }
    }

    /// <summary>The directory import and a year of events, through the real bot on the embedded store; its figures flushed and the bot stopped.</summary>
    internal static class Seeding
    {
        public static async Task<TimeSpan> RunAsync(District district, string root, StringBuilder output)
        {
            var total = Stopwatch.StartNew();
            Directory.CreateDirectory(root);
            var departments = Path.Combine(root, "departments.csv");
            var people = Path.Combine(root, "people.csv");
            await File.WriteAllTextAsync(departments, district.DepartmentsCsv());
            await File.WriteAllTextAsync(people, district.PeopleCsv());
            var clock = new SeedClock();
            var settings = new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = Path.Combine(root, "data"),
                ["MicrosoftAppId"] = string.Empty,
                ["TeamsEngage:Directory:TenantId"] = District.Tenant,
                ["TeamsEngage:Directory:DepartmentsCsv"] = departments,
                ["TeamsEngage:Directory:PeopleCsv"] = people,
            };
            var step = Stopwatch.StartNew();
            var (app, _) = await ReportsHost.StartAsync(settings, clock);
            await using (app)
            {
                var v = district.Volume;
                Log(output, step, $"directory import: {v.People} people in {v.Departments} departments");
                await ContactsAsync(app.Services, district);
                Log(output, step, $"first contact of each person (their Teams user id)");
                var year = new YearOfEvents(district, DateTimeOffset.UtcNow);
                var asks = new AskSeeding(year, clock);
                await TicketSeeding.SeedAsync(year, app.Services.GetRequiredService<TicketFigures>());
                Log(output, step, $"{v.Tickets} tickets");
                await asks.NoticesAsync(app.Services.GetRequiredService<NoticeFigures>());
                Log(output, step, $"{v.Notices} notices");
                await asks.PollsAsync(app.Services.GetRequiredService<AskFigures>());
                await app.Services.GetRequiredService<FigureStore>().FlushAsync(CancellationToken.None);
                Log(output, step, $"{v.Polls} polls");
                await asks.FeedbackAsync(app.Services.GetRequiredService<FeedbackFigures>());
                Log(output, step, $"{v.Feedback} feedback items");
                await app.StopAsync();
            }
            return total.Elapsed;
        }

        private static Task ContactsAsync(IServiceProvider services, District district)
        {
            var editor = services.GetRequiredService<PeopleEditor>();
            return YearOfEvents.ForEachAsync(district.Volume.People + 1, async i =>
            {
                var contact = i == district.Volume.People
                    ? new Contact(District.LiaisonObjectId, District.LiaisonUserId, "Liaison", District.LiaisonEmail, MemberChecked: true)
                    : new Contact(District.ObjectId(i), District.UserId(i), "Person " + i.ToString(CultureInfo.InvariantCulture), District.Email(i), MemberChecked: true);
                await editor.RecordContactAsync(contact, CancellationToken.None);
            });
        }

        private static void Log(StringBuilder output, Stopwatch step, string what)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"  {what}: {step.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine(line);
            output.AppendLine(line);
            step.Restart();
        }
    }
}
