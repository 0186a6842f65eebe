using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TeamsEngage.Testing;

namespace TeamsEngage.Architecture.Tests;

/// <summary>
/// `docs/guarantees.md` names, for every promise the documentation makes, the tests or benchmarks that show it. These
/// tests keep that index honest: every row names something, and every test and benchmark it names exists.
/// </summary>
public sealed partial class DocumentedGuaranteeTests
{
    private static readonly string Index = Path.Combine(RepositoryPaths.Root, "docs", "guarantees.md");

    [Fact]
    public void EveryGuaranteeNamesATestOrABenchmark()
    {
        var unbacked = Rows().Where(row => !References(row.Evidence).Any()).Select(row => row.Guarantee).ToList();

        Assert.True(unbacked.Count == 0, "Guarantees naming no test or benchmark:\n" + string.Join('\n', unbacked));
    }

    [Fact]
    public void EveryTestTheIndexNamesExists()
    {
        var tests = TestMethods();
        var missing = Rows().SelectMany(row => References(row.Evidence))
            .Where(reference => TestName().IsMatch(reference) && !tests.Contains(reference))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, "Tests named in docs/guarantees.md that do not exist:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryBenchmarkTheIndexNamesExists()
    {
        var missing = Rows().SelectMany(row => References(row.Evidence))
            .Where(reference => reference.StartsWith("bench/", StringComparison.Ordinal))
            .Where(reference => !Directory.Exists(Path.Combine(RepositoryPaths.Root, reference)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TheIndexIsReadAndTheReadmePointsAtIt()
    {
        // Guards the rules above against passing because they read nothing.
        Assert.True(Rows().Count() > 40);
        Assert.True(TestMethods().Count > 400);
        Assert.Contains("docs/guarantees.md", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);
    }

    private static IEnumerable<(string Guarantee, string Evidence)> Rows() =>
        File.ReadLines(Index)
            .Where(line => line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split(" | ", 2))
            .Where(cells => cells.Length == 2 && cells[0].Trim() is not ("Guarantee" or "Rule"))
            .Select(cells => (cells[0].Trim(), cells[1].Trim()));

    private static IEnumerable<string> References(string evidence) =>
        Quoted().Matches(evidence).Select(m => m.Groups[1].Value)
            .Where(reference => TestName().IsMatch(reference) || reference.StartsWith("bench/", StringComparison.Ordinal));

    private static HashSet<string> TestMethods()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return files
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(method => method.AttributeLists.SelectMany(list => list.Attributes).Any(a => a.Name.ToString() is "Fact" or "Theory"))
            .Where(method => method.Parent is ClassDeclarationSyntax)
            .Select(method => ((ClassDeclarationSyntax)method.Parent!).Identifier.Text + "." + method.Identifier.Text)
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\w+Tests\.\w+$")]
    private static partial Regex TestName();
}
