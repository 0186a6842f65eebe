using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

public sealed class DirectoryOptionsTests
{
    [Theory]
    [InlineData("TeamsEngage:Administrators:0", "ben at school", "TeamsEngage:Administrators")]
    [InlineData("TeamsEngage:AllowedTenants:0", "contoso.example", "TeamsEngage:AllowedTenants")]
    public async Task ABadDirectoryOrTenantSettingStopsTheStartNamingTheKey(string key, string value, string named)
    {
        var error = await Record.ExceptionAsync(() => BotApplication.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.NotNull(error);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(value, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingStartUpFileStopsTheStartNamingTheKey()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "departments.csv");

        var error = await Record.ExceptionAsync(() => BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:Directory:DepartmentsCsv"] = missing }));

        Assert.NotNull(error);
        Assert.Contains("TeamsEngage:Directory:DepartmentsCsv names a file that does not exist", error.ToString(), StringComparison.Ordinal);
    }
}
