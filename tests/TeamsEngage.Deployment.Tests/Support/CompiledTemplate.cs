using System.Text.Json.Nodes;

namespace TeamsEngage.Deployment.Tests.Support;

/// <summary>The ARM JSON that `bicep build` makes of infra/main.bicep, with the modules' nested templates searchable.</summary>
public sealed class CompiledTemplate
{
    private CompiledTemplate(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public static async Task<CompiledTemplate> BuildAsync(string infraFolder)
    {
        var result = await BicepCli.RunAsync(infraFolder, "build", "main.bicep", "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("bicep build failed: " + result.StdErr);
        }
        return new CompiledTemplate(JsonNode.Parse(result.StdOut)!.AsObject());
    }

    /// <summary>Every resource of the given type, in the main template and in every module.</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        AllResources(Root).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject Only(string type) => Assert.Single(Resources(type));

    /// <summary>The module deployment (Microsoft.Resources/deployments) of the given name in the main template.</summary>
    public JsonObject Module(string name) =>
        Assert.Single(Resources("Microsoft.Resources/deployments"), d => (string?)d["name"] == name);

    private static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        // languageVersion 2.0 templates hold resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject map => map.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
