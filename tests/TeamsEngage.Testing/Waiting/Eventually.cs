namespace TeamsEngage.Testing.Waiting;

/// <summary>
/// Waits for something the bot does in the background (an outbox send, a sweep) by polling a condition, instead of
/// sleeping a fixed time: fast when the machine is fast, patient when it is loaded, and a clear failure when it never happens.
/// </summary>
public static class Eventually
{
    /// <summary>How long a wait lasts by default before it fails.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits until <paramref name="condition"/> holds; throws naming <paramref name="what"/> when it never does.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await TrueAsync(() => Task.FromResult(condition()), what, timeout).ConfigureAwait(false);
    }

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s for {what}; it did not happen.");
            }
            await Task.Delay(Poll).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until <paramref name="read"/> gives a value that <paramref name="accept"/> accepts, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> accept, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(accept);
        var last = default(T);
        await TrueAsync(async () => accept(last = await read().ConfigureAwait(false)), what, timeout).ConfigureAwait(false);
        return last!;
    }

    /// <summary>
    /// Checks that <paramref name="condition"/> stays false for <paramref name="period"/>: for "nothing more is sent",
    /// after the test has first waited for an event that proves the bot got that far.
    /// </summary>
    public static async Task NeverAsync(Func<bool> condition, string what, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTimeOffset.UtcNow + period;
        while (DateTimeOffset.UtcNow < until)
        {
            if (condition())
            {
                throw new InvalidOperationException($"Expected {what} never to happen, and it did.");
            }
            await Task.Delay(Poll).ConfigureAwait(false);
        }
    }
}
