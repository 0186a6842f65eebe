using System.Globalization;
using System.Text;

namespace TeamsEngage.Bench.Reports;

/// <summary>The volume to seed: the issue's district by default.</summary>
internal sealed record Volume(int People, int Departments, int Notices, int Tickets, int Polls, int Feedback)
{
    public static Volume District { get; } = new(20_000, 40, 500, 50_000, 300, 1_000);

    public static Volume Small { get; } = new(2_000, 12, 40, 4_000, 30, 150);
}

/// <summary>
/// A district, the same every run: departments of uneven size (a few under the minimum group size), people spread over
/// them, a liaison who looks after the first three departments and an administrator named in configuration.
/// </summary>
internal sealed class District
{
    public const string Tenant = "7c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5";
    public const string AdminObjectId = "a0000000-0000-4000-8000-000000000001";
    public const string LiaisonObjectId = "a0000000-0000-4000-8000-000000000002";
    public const string AdminUserId = "29:bench-admin";
    public const string LiaisonUserId = "29:bench-liaison";
    public const string LiaisonEmail = "liaison@district.example";

    public static readonly string[] Services = ["wifi", "projector", "printer", "laptop", "account", "email", "software", "phone", "board", "network", "camera", "other"];

    private readonly int[] _departmentOf;

    public District(Volume volume)
    {
        Volume = volume;
        Codes = [.. Enumerable.Range(1, volume.Departments).Select(d => "D" + d.ToString("D2", CultureInfo.InvariantCulture))];
        // Weights 1 to 8, and every ninth department tiny (three people): small groups the pages must hide.
        var weights = Enumerable.Range(0, volume.Departments).Select(d => d % 9 == 8 ? 0 : 1 + (d * 5 % 8)).ToArray();
        var total = weights.Sum();
        _departmentOf = new int[volume.People];
        var next = 0;
        for (var d = 0; d < volume.Departments && next < volume.People; d++)
        {
            var size = weights[d] == 0 ? 3 : (int)((long)volume.People * weights[d] / total);
            for (var k = 0; k < size && next < volume.People; k++)
            {
                _departmentOf[next++] = d;
            }
        }
        for (; next < volume.People; next++)
        {
            _departmentOf[next] = next % volume.Departments;
        }
        Members = [.. Enumerable.Range(0, volume.Departments).Select(d => Enumerable.Range(0, volume.People).Where(i => _departmentOf[i] == d).ToArray())];
    }

    public Volume Volume { get; }

    public IReadOnlyList<string> Codes { get; }

    /// <summary>The people of each department, by index.</summary>
    public IReadOnlyList<int[]> Members { get; }

    public string DepartmentOf(int person) => Codes[_departmentOf[person]];

    /// <summary>Every twentieth person is a liaison, every five hundredth an administrator, the rest members.</summary>
    public static string RoleOf(int person) => person % 500 == 499 ? "Administrator" : person % 20 == 19 ? "Liaison" : "Member";

    public static string Email(int person) => "p" + person.ToString(CultureInfo.InvariantCulture) + "@district.example";

    public static string ObjectId(int person) => "b0000000-0000-4000-8000-" + person.ToString("D12", CultureInfo.InvariantCulture);

    public static string UserId(int person) => "29:bench-" + person.ToString(CultureInfo.InvariantCulture);

    public string DepartmentsCsv()
    {
        var csv = new StringBuilder("name,code,liaison,backup,hours\n");
        for (var d = 0; d < Codes.Count; d++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"School {Codes[d]},{Codes[d]},{(d < 3 ? LiaisonEmail : string.Empty)},,24\n");
        }
        return csv.ToString();
    }

    public string PeopleCsv()
    {
        var csv = new StringBuilder("email,department,role,language\n");
        for (var i = 0; i < Volume.People; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Email(i)},{DepartmentOf(i)},{RoleOf(i).ToLowerInvariant()},{(i % 4 == 0 ? "es" : "en")}\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"{LiaisonEmail},{Codes[0]},liaison,en\n");
        return csv.ToString();
    }
}
