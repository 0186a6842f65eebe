using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamsEngage.Bot;

/// <summary>
/// Section <c>TeamsEngage:Files</c>: how a file sent to the bot in a personal chat (an .ics calendar, a directory CSV)
/// is fetched from the link Teams gives. Only https links are followed, except loopback http when
/// <see cref="AllowLoopbackHttp"/> is set or in Development (a local stub serving the file).
/// </summary>
public sealed class IncomingFileOptions
{
    public const string Section = "TeamsEngage:Files";

    /// <summary>The largest file read, in bytes (default 1 MB); a larger one is refused and nothing is imported.</summary>
    [Range(1024, 10 * 1024 * 1024, ErrorMessage = "TeamsEngage:Files:MaxBytes must be between 1024 and 10485760.")]
    public int MaxBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the download may take, all of it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "TeamsEngage:Files:Timeout must be between 00:00:01 and 00:02:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Follow http links to 127.0.0.1 or localhost (tests and local runs only).</summary>
    public bool AllowLoopbackHttp { get; set; }
}

/// <summary>Why a file was not read.</summary>
public enum DownloadProblem
{
    None,
    NotHttps,
    TooLarge,
    Failed,
}

/// <summary>A downloaded file's text, or why there is none.</summary>
public sealed record DownloadedText(string? Text, DownloadProblem Problem)
{
    public static DownloadedText Refused(DownloadProblem problem) => new(null, problem);
}

/// <summary>A downloaded file's bytes, or why there are none.</summary>
public sealed record DownloadedBytes(byte[]? Bytes, DownloadProblem Problem);

/// <summary>
/// Fetches a file's text from a link: https only (loopback http when allowed), at most
/// <see cref="IncomingFileOptions.MaxBytes"/>, within <see cref="IncomingFileOptions.Timeout"/>, three redirects at most.
/// </summary>
public sealed partial class FileDownloads(IHttpClientFactory clients, IOptions<IncomingFileOptions> options, IHostEnvironment environment, ILogger<FileDownloads> logger)
{
    public const string ClientName = "incoming-files";

    /// <summary>The size limit in whole kilobytes, for the sentence that refuses a larger file.</summary>
    public int MaxKilobytes => options.Value.MaxBytes / 1024;

    /// <summary>True when the link may be followed at all.</summary>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == Uri.UriSchemeHttps
            || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && (options.Value.AllowLoopbackHttp || environment.IsDevelopment()));
    }

    /// <summary>The file's text (UTF-8), or why there is none.</summary>
    public async Task<DownloadedText> ReadTextAsync(Uri url, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await ReadBytesAsync(url, bearerToken: null, cancellationToken).ConfigureAwait(false);
        return bytes is null ? DownloadedText.Refused(problem) : new DownloadedText(Encoding.UTF8.GetString(bytes), DownloadProblem.None);
    }

    /// <summary>
    /// The file's bytes, or why there are none. <paramref name="bearerToken"/> goes with the request when given: the
    /// caller decides that the link's host may see it (a picture pasted in the chat, on the channel's own host).
    /// </summary>
    public async Task<DownloadedBytes> ReadBytesAsync(Uri url, string? bearerToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Allows(url))
        {
            return new DownloadedBytes(null, DownloadProblem.NotHttps);
        }
        var limit = options.Value.MaxBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (bearerToken is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
            }
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, (int)response.StatusCode);
                return new DownloadedBytes(null, DownloadProblem.Failed);
            }
            if (response.Content.Headers.ContentLength > limit)
            {
                return new DownloadedBytes(null, DownloadProblem.TooLarge);
            }
            var bytes = await ReadLimitedAsync(response.Content, limit, timeout.Token).ConfigureAwait(false);
            return new DownloadedBytes(bytes, bytes is null ? DownloadProblem.TooLarge : DownloadProblem.None);
        }
        catch (HttpRequestException e)
        {
            // The innermost reason (a refused address, a refused connection), never the link's path.
            LogNotConnected(logger, e.GetBaseException().Message);
            return new DownloadedBytes(null, DownloadProblem.Failed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, 0);
            return new DownloadedBytes(null, DownloadProblem.Failed);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file sent to the bot could not be downloaded (status {Status}; 0: no answer in time)")]
    private static partial void LogFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file sent to the bot could not be downloaded: {Reason}")]
    private static partial void LogNotConnected(ILogger logger, string reason);
}
