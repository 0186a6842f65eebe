namespace TeamsEngage.People;

/// <summary>
/// The sender's directory row, read at most once per turn: the first-contact check and the caller's role and language
/// both need it, and on Azure Tables each read is a round trip. A turn that writes the row forgets the read.
/// </summary>
public sealed class TurnPersonRecord(PeopleDirectory directory)
{
    private string? _key;
    private Task<PersonRecord?>? _read;

    internal Task<PersonRecord?> FindAsync(string personKey, CancellationToken cancellationToken)
    {
        if (_read is not null && _key == personKey && !_read.IsFaulted && !_read.IsCanceled)
        {
            return _read;
        }
        _key = personKey;
        _read = directory.FindRecordAsync(personKey, cancellationToken);
        return _read;
    }

    /// <summary>The row was written during the turn: the next reader reads it again.</summary>
    internal void Forget()
    {
        _key = null;
        _read = null;
    }
}
