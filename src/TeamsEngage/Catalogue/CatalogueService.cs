namespace TeamsEngage.Catalogue;

/// <summary>Where a service stands, as IT announces it.</summary>
public enum ServiceCondition
{
    Operational,
    Degraded,
    Outage,
    Maintenance,
}

/// <summary>How urgent a problem with a service is; tickets map their own urgency onto these three.</summary>
public enum PromiseUrgency
{
    High,
    Normal,
    Low,
}

/// <summary>
/// A service's status: the condition, the message IT wrote with it, since when, and which announcement it is
/// (<paramref name="Version"/> counts every change, so each change is its own broadcast).
/// </summary>
public sealed record ServiceStatus(ServiceCondition Condition, string? Message, DateTimeOffset Since, int Version = 0)
{
    public static ServiceStatus OperationalSince(DateTimeOffset since) => new(ServiceCondition.Operational, null, since);

    /// <summary>Whether people should be told before they report: an outage or maintenance is known.</summary>
    public bool IsKnownDisruption => Condition is ServiceCondition.Outage or ServiceCondition.Maintenance;
}

/// <summary>One question and its answer, in one language (<c>en</c>, <c>es</c>).</summary>
public sealed record FaqEntry(string Language, string Question, string Answer);

/// <summary>A link people may need (a status page, a how-to).</summary>
public sealed record ServiceLink(string Title, string Url);

/// <summary>
/// The response-time promise per urgency, in school hours; a null hour count means the owner department's promise
/// applies for that urgency.
/// </summary>
public sealed record ServicePromise(int? HighHours, int? NormalHours, int? LowHours)
{
    public static ServicePromise None { get; } = new(null, null, null);

    public int? HoursFor(PromiseUrgency urgency) => urgency switch
    {
        PromiseUrgency.High => HighHours,
        PromiseUrgency.Normal => NormalHours,
        _ => LowHours,
    };

    public bool IsSet => HighHours is not null || NormalHours is not null || LowHours is not null;
}

/// <summary>
/// One IT service of the catalogue. <paramref name="Id"/> is a short lower-case slug (<c>wifi</c>, <c>gradebook</c>);
/// <paramref name="OwnerDepartment"/> is a department code whose liaison may edit it.
/// </summary>
public sealed record CatalogueService(
    string Id,
    string Name,
    string Description,
    string Audience,
    string HowToGetHelp,
    string? OwnerDepartment,
    ServicePromise Promise,
    IReadOnlyList<FaqEntry> Faqs,
    IReadOnlyList<ServiceLink> Links,
    ServiceStatus Status)
{
    /// <summary>The FAQ entries in <paramref name="language"/>, else the English ones.</summary>
    public IReadOnlyList<FaqEntry> FaqsIn(string language)
    {
        var own = Faqs.Where(f => f.Language == language).ToList();
        return own.Count > 0 ? own : [.. Faqs.Where(f => f.Language == "en")];
    }
}

/// <summary>A service as stored, with the ETag it was read with.</summary>
public sealed record StoredService(CatalogueService Service, string? ETag);
