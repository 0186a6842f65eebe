using System.Globalization;
using System.Net;

namespace TeamsEngage.Testing.Playground;

/// <summary>
/// The TCP sockets a process tree listens on, read from /proc (Linux): proof that a peer a test
/// starts is reachable on loopback only.
/// </summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    /// <summary>Every listening TCP endpoint (IPv4 and IPv6) owned by the process or its descendants.</summary>
    public static IReadOnlyList<IPEndPoint> Of(int processId)
    {
        var inodes = ProcessTree(processId).SelectMany(SocketInodes).ToHashSet();
        return Table("/proc/net/tcp").Concat(Table("/proc/net/tcp6"))
            .Where(row => inodes.Contains(row.Inode))
            .Select(row => row.Local)
            .ToList();
    }

    private static IEnumerable<(IPEndPoint Local, string Inode)> Table(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && fields[3] == ListenState)
            {
                yield return (ParseEndpoint(fields[1]), fields[9]);
            }
        }
    }

    // The kernel prints the address as 32-bit words in host (little-endian) byte order.
    private static IPEndPoint ParseEndpoint(string hex)
    {
        var parts = hex.Split(':');
        var raw = Convert.FromHexString(parts[0]);
        for (var word = 0; word < raw.Length; word += 4)
        {
            Array.Reverse(raw, word, 4);
        }
        return new IPEndPoint(new IPAddress(raw), int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string> SocketInodes(int pid)
    {
        string[] links;
        try
        {
            links = Directory.GetFiles("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/fd");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var link in links)
        {
            string? target;
            try
            {
                target = new FileInfo(link).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                yield return target["socket:[".Length..^1];
            }
        }
    }

    private static List<int> ProcessTree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                try
                {
                    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(rest[1], CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The process ended while /proc was read.
                }
            }
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }
        return tree;
    }
}
