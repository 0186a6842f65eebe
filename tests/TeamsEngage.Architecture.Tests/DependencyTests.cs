using System.Reflection;
using NetArchTest.Rules;

namespace TeamsEngage.Architecture.Tests;

/// <summary>Dependencies point one way: Connector and Storage know nothing of the app, the Outbox knows only them, features know no other feature.</summary>
public sealed class DependencyTests
{
    private static readonly string[] AppNamespaces =
        ["TeamsEngage.Bot", "TeamsEngage.Features", "TeamsEngage.People", "TeamsEngage.Hosting", "TeamsEngage.Localization", "TeamsEngage.Commands", "TeamsEngage.Links"];

    private static Assembly App => typeof(Program).Assembly;

    public static TheoryData<string> Features() => [.. FeatureNames()];

    [Fact]
    public void TheConnectorKnowsNothingOfTheAppTheStoreOrTheOutbox()
    {
        var result = Types.InAssembly(Load("TeamsEngage.Connector")).ShouldNot()
            .HaveDependencyOnAny([.. AppNamespaces, "TeamsEngage.Storage", "TeamsEngage.Outbox", "TeamsEngage.Conversations", "TeamsEngage.Cards"])
            .GetResult();

        AssertKept(result);
    }

    [Fact]
    public void TheStoreKnowsNothingOfTheAppTheConnectorOrTheOutbox()
    {
        var result = Types.InAssembly(Load("TeamsEngage.Storage")).ShouldNot()
            .HaveDependencyOnAny([.. AppNamespaces, "TeamsEngage.Connector", "TeamsEngage.Outbox", "TeamsEngage.Conversations"])
            .GetResult();

        AssertKept(result);
    }

    [Fact]
    public void TheOutboxKnowsTheConnectorAndTheStoreButNothingOfTheApp()
    {
        var result = Types.InAssembly(Load("TeamsEngage.Outbox")).ShouldNot()
            .HaveDependencyOnAny(AppNamespaces)
            .GetResult();

        AssertKept(result);
    }

    [Fact]
    public void TheOutboxLivesInItsOwnProject()
    {
        var inApp = Types.InAssembly(App).That().ResideInNamespace("TeamsEngage.Outbox").Or().ResideInNamespace("TeamsEngage.Conversations").GetTypes();

        Assert.Empty(inApp.Select(t => t.FullName));
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void AFeatureDoesNotKnowAnyOtherFeature(string feature)
    {
        var others = FeatureNames().Where(f => f != feature).Select(f => $"TeamsEngage.Features.{f}").ToArray();

        var result = Types.InAssembly(App).That().ResideInNamespace($"TeamsEngage.Features.{feature}").ShouldNot()
            .HaveDependencyOnAny(others)
            .GetResult();

        AssertKept(result);
    }

    [Fact]
    public void TheBotCoreAndTheDirectoryKnowNoFeature()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("TeamsEngage.Bot").Or().ResideInNamespace("TeamsEngage.People")
            .Or().ResideInNamespace("TeamsEngage.Localization")
            .ShouldNot().HaveDependencyOnAny(["TeamsEngage.Features", "TeamsEngage.Hosting"])
            .GetResult();

        AssertKept(result);
    }

    [Fact]
    public void TheCatalogueCoreKnowsNoFeatureAndNotTheBot()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("TeamsEngage.Catalogue")
            .ShouldNot().HaveDependencyOnAny(["TeamsEngage.Features", "TeamsEngage.Hosting", "TeamsEngage.Bot"])
            .GetResult();

        AssertKept(result);
    }

    [Fact]
    public void TheOutcomesSeamKnowsNoFeature()
    {
        var types = Types.InAssembly(App).That().ResideInNamespace("TeamsEngage.Outcomes");
        Assert.NotEmpty(types.GetTypes());
        var result = types.ShouldNot().HaveDependencyOnAny(["TeamsEngage.Features", "TeamsEngage.Hosting"]).GetResult();
        AssertKept(result);
    }

    [Fact]
    public void TheReportingSeamKnowsNoFeature()
    {
        var types = Types.InAssembly(App).That().ResideInNamespace("TeamsEngage.Reporting");
        Assert.NotEmpty(types.GetTypes());
        var result = types.ShouldNot().HaveDependencyOnAny(["TeamsEngage.Features", "TeamsEngage.Hosting"]).GetResult();
        AssertKept(result);
    }

    [Fact]
    public void TheBotCoreDoesNotKnowTheDirectory()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("TeamsEngage.Bot")
            .ShouldNot().HaveDependencyOn("TeamsEngage.People")
            .GetResult();

        AssertKept(result);
    }

    [Theory]
    [InlineData("TeamsEngage.Features")]
    [InlineData("TeamsEngage.People")]
    [InlineData("TeamsEngage.Bot")]
    public void NoFeatureLooksUpItsDependenciesAtRunTime(string area)
    {
        // The Add…/Map… entry points are the composition root of their area; everything else gets what it needs injected.
        var result = Types.InAssembly(App).That().ResideInNamespace(area)
            .And().DoNotHaveNameEndingWith("Feature").And().DoNotHaveNameEndingWith("Services")
            .And().DoNotHaveName("BotRoutes").And().DoNotHaveName("ActionGroup")
            .ShouldNot().HaveDependencyOn("System.IServiceProvider")
            .GetResult();

        AssertKept(result);
    }

    private static IEnumerable<string> FeatureNames() =>
        typeof(Program).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith("TeamsEngage.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2])
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static Assembly Load(string name) => Assembly.Load(name);

    private static void AssertKept(TestResult result) =>
        Assert.True(result.IsSuccessful, "Types breaking the rule: " + string.Join(", ", result.FailingTypeNames ?? []));
}
