using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Storage;

namespace TeamsEngage.People.Import;

/// <summary>
/// Imports the configured CSV files once at start-up, departments first, before the bot serves its first request.
/// A missing file stops the start (a configuration error); bad rows are logged by line and skipped.
/// </summary>
public sealed partial class StartupImport(
    DirectoryImporter importer,
    IOptions<DirectoryOptions> options,
    IOptions<BotOptions> bot,
    TenantRegistry tenants,
    IHostEnvironment environment,
    ILogger<StartupImport> logger) : IHostedService
{
    public const string Actor = "startup-import";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportsFiles)
        {
            return;
        }
        // The files are one district's directory: they are imported into that tenant alone (validated at start).
        var tenant = options.Value.ImportTenant(bot.Value.MicrosoftAppTenantId)!;
        await tenants.RecordAsync(tenant, cancellationToken).ConfigureAwait(false);
        using var scope = TenantScope.Enter(tenant);
        await ImportFileAsync(ImportKind.Departments, options.Value.DepartmentsCsv, $"{DirectoryOptions.Section}:{nameof(DirectoryOptions.DepartmentsCsv)}", cancellationToken).ConfigureAwait(false);
        await ImportFileAsync(ImportKind.People, options.Value.PeopleCsv, $"{DirectoryOptions.Section}:{nameof(DirectoryOptions.PeopleCsv)}", cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportFileAsync(ImportKind kind, string? configuredPath, string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            return;
        }
        var path = Path.IsPathRooted(configuredPath) ? configuredPath : Path.Combine(environment.ContentRootPath, configuredPath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{key} names a file that does not exist: {path}");
        }
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var report = await importer.ImportAsync(kind, text, Actor, cancellationToken).ConfigureAwait(false);
        LogImported(logger, kind, report.Applied, report.Unchanged, report.Errors.Count);
        foreach (var issue in report.Errors)
        {
            LogBadRow(logger, kind, issue.Line, Sentence(issue));
        }
        foreach (var issue in report.Warnings)
        {
            LogWarning(logger, kind, issue.Line, Sentence(issue));
        }
    }

    // The operator reads the reason as a sentence; an e-mail address on the line stays in the file, out of the logs
    // (the line number finds it).
    private static string Sentence(ImportIssue issue) =>
        Localization.Texts.English.Format(issue.ReasonKey, [.. issue.Args.Select(a => (object?)(a.Contains('@', StringComparison.Ordinal) ? "(the address on that line)" : a))]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Kind}: {Applied} changed, {Unchanged} unchanged, {Refused} refused")]
    private static partial void LogImported(ILogger logger, ImportKind kind, int applied, int unchanged, int refused);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} CSV line {Line} was refused: {Reason}")]
    private static partial void LogBadRow(ILogger logger, ImportKind kind, int line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} CSV line {Line}: {Reason}")]
    private static partial void LogWarning(ILogger logger, ImportKind kind, int line, string reason);
}
