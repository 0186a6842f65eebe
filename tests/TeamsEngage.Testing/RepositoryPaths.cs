namespace TeamsEngage.Testing;

/// <summary>Finds the repository's folders from a test's working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds TeamsEngage.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>tests/node, where the npm test peers are installed.</summary>
    public static string NodePeers => Path.Combine(Root, "tests", "node");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamsEngage.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("TeamsEngage.sln was not found above " + AppContext.BaseDirectory);
    }
}
