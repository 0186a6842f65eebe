using System.Text;
using Microsoft.Extensions.Options;

namespace TeamsEngage.Features.Calendar;

/// <summary>Why a calendar file was not read.</summary>
public enum IcsDownloadProblem
{
    None,
    NotHttps,
    TooLarge,
    Failed,
}

/// <summary>
/// Fetches an .ics file from the link Teams gives for it: https only (loopback http when allowed), at most
/// <see cref="CalendarFileOptions.MaxBytes"/>, within <see cref="CalendarFileOptions.Timeout"/>.
/// </summary>
public sealed partial class IcsDownloads(IHttpClientFactory clients, IOptions<CalendarFileOptions> options, IHostEnvironment environment, ILogger<IcsDownloads> logger)
{
    public const string ClientName = "calendar-files";

    /// <summary>True when the link may be followed at all.</summary>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == Uri.UriSchemeHttps
            || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && (options.Value.AllowLoopbackHttp || environment.IsDevelopment()));
    }

    /// <summary>What the administrator is told when a calendar file was not read.</summary>
    public string ProblemText(IcsDownloadProblem problem, Localization.Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return problem switch
        {
            IcsDownloadProblem.NotHttps => texts.Calendar_FileNotHttps,
            IcsDownloadProblem.TooLarge => texts.Calendar_FileTooLarge(options.Value.MaxBytes / 1024),
            _ => texts.Calendar_FileFailed,
        };
    }

    /// <summary>The file's text, or why there is none.</summary>
    public async Task<(string? Text, IcsDownloadProblem Problem)> ReadAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!Allows(url))
        {
            return (null, IcsDownloadProblem.NotHttps);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, (int)response.StatusCode);
                return (null, IcsDownloadProblem.Failed);
            }
            if (response.Content.Headers.ContentLength > options.Value.MaxBytes)
            {
                return (null, IcsDownloadProblem.TooLarge);
            }
            var bytes = await ReadLimitedAsync(response.Content, options.Value.MaxBytes, timeout.Token).ConfigureAwait(false);
            return bytes is null ? (null, IcsDownloadProblem.TooLarge) : (Encoding.UTF8.GetString(bytes), IcsDownloadProblem.None);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, 0);
            return (null, IcsDownloadProblem.Failed);
        }
    }

    // Reads at most max bytes; null when there is more (a length header can be missing or wrong).
    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A calendar file could not be downloaded (status {Status}; 0: no answer in time)")]
    private static partial void LogFailed(ILogger logger, int status);
}
