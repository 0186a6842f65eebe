using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.Outbox;

/// <summary>
/// Table and key layout of the outbox.
/// <list type="bullet">
/// <item><c>OutboxRows</c>: broadcast rows in partitions <c>b|{broadcast}|{shard}</c> keyed by person (so a repeated start adds
/// nothing and a batch of 100 fits one partition), single messages in <c>q|{priority}</c> keyed by time.</item>
/// <item><c>OutboxWork</c>: one row per open shard or queue in partition <c>work</c>; it is both the index the dispatcher
/// reads (instead of scanning rows) and the lease (owner + expiry, changed only with its ETag).</item>
/// <item><c>OutboxWork</c>, partition <c>writing</c>: one row per queued broadcast whose rows are still being written
/// (its audience spec, cursor and counts), leased like the work rows, deleted once the broadcast is written.</item>
/// <item><c>OutboxBroadcasts</c>: one header per broadcast: kind, payload, shard count, cancelled, writes finished.</item>
/// </list>
/// </summary>
internal static class OutboxKeys
{
    public const string RowsTable = "OutboxRows";
    public const string WorkTable = "OutboxWork";
    public const string BroadcastsTable = "OutboxBroadcasts";
    public const string WorkPartition = "work";
    public const string WritingPartition = "writing";
    public const string HeaderRow = "header";

    public static string ShardPartition(string broadcastId, int shard) =>
        "b|" + StoreKey.Escape(broadcastId) + "|" + shard.ToString("D2", CultureInfo.InvariantCulture);

    public static string QueuePartition(OutboxPriority priority) => "q|" + ((int)priority).ToString(CultureInfo.InvariantCulture);

    public static bool IsQueue(string partitionKey) => partitionKey.StartsWith("q|", StringComparison.Ordinal);

    /// <summary>A stable shard for a person (string.GetHashCode differs between processes): FNV-1a.</summary>
    public static int Shard(string personKey, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in personKey)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)shards);
    }

    /// <summary>Time-ordered, unique row key for a single message.</summary>
    public static string QueueRowKey(DateTimeOffset now) =>
        now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
}

/// <summary>Property names of outbox rows.</summary>
internal static class RowFields
{
    public const string Status = "Status";
    public const string Reason = "Reason";
    public const string PersonKey = "PersonKey";
    public const string UserId = "UserId";
    public const string DepartmentCode = "DepartmentCode";
    public const string Role = "Role";
    public const string ConversationId = "ConversationId";
    public const string ActivityId = "ActivityId";
    public const string SentAt = "SentAt";
    public const string Attempts = "Attempts";
    public const string Kind = "Kind";
    public const string Payload = "Payload";
    public const string IsUpdate = "IsUpdate";
    public const string Priority = "Priority";
    public const string BroadcastId = "BroadcastId";
    public const string LeaseOwner = "LeaseOwner";
    public const string LeaseUntil = "LeaseUntil";
    public const string TouchedAt = "TouchedAt";
    public const string Shards = "Shards";
    public const string Cancelled = "Cancelled";
    public const string WritesDone = "WritesDone";
    public const string CreatedAt = "CreatedAt";
    public const string ParentBroadcastId = "ParentBroadcastId";
    public const string LatestUpdateId = "LatestUpdateId";
    public const string TenantId = "TenantId";
    public const string AudienceKind = "AudienceKind";
    public const string AudienceSpec = "AudienceSpec";
    public const string Cursor = "Cursor";
    public const string Examined = "Examined";
    public const string Written = "Written";
    public const string Total = "Total";
    public const string Finished = "Finished";
    public const string NotBefore = "NotBefore";
    public const string WakeAt = "WakeAt";
    public const string Weight = "Weight";
    public const string WeightTotal = "WeightTotal";
}

/// <summary>Failure reasons recorded on rows.</summary>
internal static class FailureReasons
{
    public const string NotInstalled = "NotInstalled";
    public const string Blocked = "Blocked";
    public const string Gone = "Gone";
    public const string Error = "Error";
    public const string WrongTenant = "WrongTenant";
}
