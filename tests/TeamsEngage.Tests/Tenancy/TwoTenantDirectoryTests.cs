using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Bot;
using TeamsEngage.People;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Directory;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tenancy.TwoDistricts;

namespace TeamsEngage.Tests.Tenancy;

/// <summary>Two districts on one deployment with the same department codes: each directory is its own.</summary>
public sealed class TwoTenantDirectoryTests
{
    [Fact]
    public async Task AnotherTenantsAdministratorSeesNoneOfItsDepartmentsOrPeople()
    {
        await using var bot = await StartAsync();

        await bot.SayAsync(Bob, "departments");
        var list = SentCards.AllText(SentCards.CardOf(bot.SentTo(Bob)[^1]));
        var edit = (await bot.ExecuteAsync(Bob, "departments.edit", new { code = "SCI" })).ToJsonString();

        Assert.Contains("Beta Science", list, StringComparison.Ordinal);
        Assert.Contains("Beta Science", edit, StringComparison.Ordinal);
        Assert.Contains(Lena.Name, edit, StringComparison.Ordinal);
        foreach (var text in new[] { list, edit })
        {
            Assert.DoesNotContain("Alpha", text, StringComparison.Ordinal);
            Assert.DoesNotContain(DirectorySeeding.EmailOf(Liam), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProfileOffersOnlyTheDepartmentsOfTheCallersTenant()
    {
        await using var bot = await StartAsync();

        // The administrators have no department from the directory, so profile lets them choose one.
        await bot.SayAsync(Bob, "profile");
        await bot.SayAsync(Adam, "profile");
        // The teachers' departments come from the directory: shown read-only, each from its own tenant.
        await bot.SayAsync(Bea, "profile");
        await bot.SayAsync(Ana, "profile");

        var beta = SentCards.CardOf(bot.SentTo(Bob)[^1]);
        var alpha = SentCards.CardOf(bot.SentTo(Adam)[^1]);
        Assert.Contains("Beta Science", SentCards.AllText(SentCards.CardOf(bot.SentTo(Bea)[^1])), StringComparison.Ordinal);
        Assert.Contains("Alpha Science", SentCards.AllText(SentCards.CardOf(bot.SentTo(Ana)[^1])), StringComparison.Ordinal);
        Assert.Equal(["ART", "SCI"], Choices(beta).Select(c => c.Value));
        Assert.All(Choices(beta), c => Assert.StartsWith("Beta", c.Title, StringComparison.Ordinal));
        Assert.Equal(["MATH", "SCI"], Choices(alpha).Select(c => c.Value));
        Assert.All(Choices(alpha), c => Assert.StartsWith("Alpha", c.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdministratorsEmailMakesNobodyAnAdministratorInAnotherTenant()
    {
        await using var bot = await StartAsync();

        await bot.SayAsync(AdamsNamesake, "announce");
        await bot.SayAsync(Adam, "announce");

        Assert.Contains("IT team", bot.SentTo(AdamsNamesake)[^1].Text ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEmpty(bot.SentTo(Adam)[^1].Attachments ?? []);
        var directory = bot.Services.GetRequiredService<IPeopleDirectory>();
        using (TenantScope.Enter(Beta))
        {
            var namesake = await directory.FindByUserIdAsync(AdamsNamesake.UserId);
            Assert.Equal((DirectorySeeding.EmailOf(Adam), Role.Member), (namesake?.Email, namesake?.Role));
            Assert.Equal([DirectorySeeding.KeyOf(Bob)], (await directory.ListAdministratorsAsync()).Select(a => a.Key));
        }
        using (TenantScope.Enter(Alpha))
        {
            Assert.DoesNotContain(await directory.ListAdministratorsAsync(), a => a.Key == DirectorySeeding.KeyOf(Bob) || a.Key == DirectorySeeding.KeyOf(AdamsNamesake));
        }
    }

    private static IEnumerable<(string Value, string Title)> Choices(System.Text.Json.Nodes.JsonNode card) =>
        DirectoryFlowTests.Input(card, "department")["choices"]!.AsArray()
            .Select(c => (c!["value"]!.GetValue<string>(), c["title"]!.GetValue<string>()));
}
