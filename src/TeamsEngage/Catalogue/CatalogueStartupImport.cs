using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.People.Import;
using TeamsEngage.Storage;

namespace TeamsEngage.Catalogue;

/// <summary>
/// Imports the configured catalogue files once at start-up, services before FAQ, into the directory files' tenant.
/// A missing file or a missing tenant stops the start; bad rows are logged by line and skipped.
/// </summary>
public sealed partial class CatalogueStartupImport(
    CatalogueImporter importer,
    IOptions<CatalogueOptions> options,
    IOptions<DirectoryOptions> directory,
    IOptions<BotOptions> bot,
    TenantRegistry tenants,
    IHostEnvironment environment,
    ILogger<CatalogueStartupImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var files = new[] { (CatalogueFile.Services, options.Value.ServicesCsv, nameof(CatalogueOptions.ServicesCsv)), (CatalogueFile.Faq, options.Value.FaqCsv, nameof(CatalogueOptions.FaqCsv)) }
            .Where(f => !string.IsNullOrWhiteSpace(f.Item2)).ToList();
        if (files.Count == 0)
        {
            return;
        }
        var tenant = directory.Value.ImportTenant(bot.Value.MicrosoftAppTenantId)
            ?? throw new InvalidOperationException($"{DirectoryOptions.Section}:TenantId (or MicrosoftAppTenantId) must name the tenant the catalogue CSV files belong to.");
        await tenants.RecordAsync(tenant, cancellationToken).ConfigureAwait(false);
        using var scope = TenantScope.Enter(tenant);
        foreach (var (file, configured, key) in files)
        {
            var path = Path.IsPathRooted(configured!) ? configured! : Path.Combine(environment.ContentRootPath, configured!);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{CatalogueOptions.Section}:{key} names a file that does not exist: {path}");
            }
            var report = await importer.ImportAsync(file, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), StartupImport.Actor, cancellationToken).ConfigureAwait(false);
            LogImported(logger, file, report.Applied, report.Unchanged, report.Errors.Count);
            foreach (var issue in report.Errors)
            {
                LogBadRow(logger, file, issue.Line, Localization.Texts.English.Format(issue.ReasonKey, [.. issue.Args]));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported catalogue {File}: {Applied} changed, {Unchanged} unchanged, {Refused} refused")]
    private static partial void LogImported(ILogger logger, CatalogueFile file, int applied, int unchanged, int refused);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue {File} CSV line {Line} was refused: {Reason}")]
    private static partial void LogBadRow(ILogger logger, CatalogueFile file, int line, string reason);
}
