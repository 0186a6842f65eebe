using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

[assembly: InternalsVisibleTo("TeamsEngage.Cards.Tests")]

namespace TeamsEngage.Testing.Cards;

/// <summary>
/// Compares JSON with a reviewed file in a Snapshots folder next to the calling test file.
/// A missing snapshot is written locally (and with UPDATE_SNAPSHOTS=1 every snapshot is rewritten),
/// but under CI=true nothing is ever written: a missing snapshot fails, so CI never accepts an unreviewed one.
/// </summary>
public static class Snapshot
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Match(string name, string json, [CallerFilePath] string callerFile = "") =>
        Match(
            name,
            json,
            callerFile,
            onCi: string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            update: Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1");

    // The environment is read once above so tests can exercise each policy without touching process state.
    internal static void Match(string name, string json, string callerFile, bool onCi, bool update)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var actual = Canonicalize(json);
        var path = Path.Combine(Path.GetDirectoryName(ResolveCaller(callerFile))!, "Snapshots", name + ".json");

        if (!File.Exists(path))
        {
            if (onCi)
            {
                throw new SnapshotMismatchException(
                    $"Snapshot {path} does not exist. Run the test locally, review the written file and commit it.");
            }
            Write(path, actual);
            return;
        }
        if (update && !onCi)
        {
            Write(path, actual);
            return;
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            throw new SnapshotMismatchException(
                $"Snapshot {path} differs (UPDATE_SNAPSHOTS=1 rewrites it after review):\n{Diff(expected, actual)}");
        }
    }

    public static string Canonicalize(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new ArgumentException("JSON null cannot be a snapshot.", nameof(json));
        return node.ToJsonString(Canonical) + "\n";
    }

    // Deterministic builds map source paths to "/_/..."; fall back to the repository root then.
    private static string ResolveCaller(string callerFile)
    {
        if (File.Exists(callerFile))
        {
            return callerFile;
        }
        const string mapped = "/_/";
        if (callerFile.StartsWith(mapped, StringComparison.Ordinal))
        {
            return Path.Combine(RepositoryPaths.Root, callerFile[mapped.Length..]);
        }
        throw new InvalidOperationException($"Cannot locate the calling test file '{callerFile}'.");
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    internal static string Diff(string expected, string actual, int context = 3, int shown = 8)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = 0;
        while (first < left.Length && first < right.Length && left[first] == right[first])
        {
            first++;
        }
        var from = Math.Max(0, first - context);
        var text = new StringBuilder().Append("first difference at line ").Append(first + 1).Append('\n');
        for (var i = from; i < first; i++)
        {
            text.Append("  ").Append(left[i]).Append('\n');
        }
        for (var i = first; i < Math.Min(left.Length, first + shown); i++)
        {
            text.Append("- ").Append(left[i]).Append('\n');
        }
        for (var i = first; i < Math.Min(right.Length, first + shown); i++)
        {
            text.Append("+ ").Append(right[i]).Append('\n');
        }
        return text.ToString();
    }
}

public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException()
    {
    }

    public SnapshotMismatchException(string message) : base(message)
    {
    }

    public SnapshotMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
