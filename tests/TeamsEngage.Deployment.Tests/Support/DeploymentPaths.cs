using TeamsEngage.Testing;

namespace TeamsEngage.Deployment.Tests.Support;

public static class DeploymentPaths
{
    public static string ManifestFolder => Path.Combine(RepositoryPaths.Root, "manifest");

    public static string ManifestFile => Path.Combine(ManifestFolder, "manifest.json");

    public static string SpanishFile => Path.Combine(ManifestFolder, "es.json");

    public static string InfraFolder => Path.Combine(RepositoryPaths.Root, "infra");

    public static string PackageScript => Path.Combine(RepositoryPaths.Root, "scripts", "build-app-package.sh");
}
