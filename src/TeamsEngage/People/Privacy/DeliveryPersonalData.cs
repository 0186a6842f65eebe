using System.Globalization;
using TeamsEngage.Conversations;
using TeamsEngage.Outbox;

namespace TeamsEngage.People;

/// <summary>
/// What the outbox keeps about a person: their conversation references and the delivery rows that name them.
/// Purges the delivery records of old broadcasts.
/// </summary>
public sealed class DeliveryPersonalData(ConversationReferenceStore references, OutboxRecords outbox) : IPersonalData, IRetainedData
{
    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var userId in subject.UserIds)
        {
            if (await references.FindOwnAsync(userId, cancellationToken).ConfigureAwait(false) is { } r)
            {
                records.Add(new Dictionary<string, string?>
                {
                    ["kind"] = "conversation",
                    ["userId"] = r.UserId,
                    ["name"] = r.Name,
                    ["conversationId"] = r.ConversationId,
                    ["locale"] = r.Locale,
                    ["timeZone"] = r.TimeZone,
                });
            }
        }
        foreach (var delivery in await outbox.ListForRecipientAsync(subject.PersonKey, subject.UserIds, cancellationToken).ConfigureAwait(false))
        {
            records.Add(new Dictionary<string, string?>
            {
                ["kind"] = "delivery",
                ["broadcast"] = delivery.BroadcastId,
                ["status"] = delivery.Status,
                ["sentAt"] = delivery.SentAt?.ToString("O", CultureInfo.InvariantCulture),
            });
        }
        return new PersonalDataSection("messages", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var removed = 0;
        foreach (var userId in subject.UserIds)
        {
            removed += await references.DeleteAsync(userId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }
        return removed + await outbox.ForgetRecipientAsync(subject.PersonKey, subject.UserIds, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        return outbox.PurgeSettledAsync(now - retention.DeliveredMessages, cancellationToken);
    }
}
