using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TeamsEngage.Testing;

namespace TeamsEngage.Architecture.Tests;

/// <summary>Code stays small enough to read in one sitting: classes up to 300 lines (all partial files together), methods up to 50.</summary>
public sealed class SizeTests
{
    private const int MaxTypeLines = 300;
    private const int MaxMethodLines = 50;

    [Fact]
    public void NoClassIsLongerThanThreeHundredLinesCountingAllItsPartialFiles()
    {
        var sizes = Declarations<TypeDeclarationSyntax>()
            .GroupBy(d => QualifiedName(d.Node))
            .Select(g => (Name: g.Key, Lines: g.Sum(d => Lines(d.Node))))
            .Where(t => t.Lines > MaxTypeLines)
            .Select(t => $"{t.Name} ({t.Lines} lines)")
            .ToList();

        Assert.True(sizes.Count == 0, "Classes over the limit: " + string.Join(", ", sizes));
    }

    [Fact]
    public void NoMethodIsLongerThanFiftyLines()
    {
        var methods = Declarations<BaseMethodDeclarationSyntax>()
            .Where(d => Lines(d.Node) > MaxMethodLines)
            .Select(d => $"{d.File}:{d.Node.GetLocation().GetLineSpan().StartLinePosition.Line + 1} ({Lines(d.Node)} lines)")
            .ToList();

        Assert.True(methods.Count == 0, "Methods over the limit: " + string.Join(", ", methods));
    }

    [Fact]
    public void TheRuleSeesTheWholeSourceTree()
    {
        // Guards the two rules above against passing because they read nothing.
        Assert.True(Declarations<TypeDeclarationSyntax>().Count() > 200);
    }

    private static IEnumerable<(string File, T Node)> Declarations<T>() where T : SyntaxNode =>
        SourceFiles().SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot()
            .DescendantNodes().OfType<T>().Select(node => (Path.GetRelativePath(RepositoryPaths.Root, file), node)));

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static int Lines(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static string QualifiedName(TypeDeclarationSyntax type)
    {
        var names = type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Select(t => t.Identifier.Text).Reverse();
        var ns = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString()
            ?? type.SyntaxTree.GetRoot().DescendantNodes().OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        return $"{ns}.{string.Join('.', names)}";
    }
}
