using TeamsEngage.Bot;
using TeamsEngage.Catalogue;
using TeamsEngage.Localization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Services;

/// <summary>
/// The editors' side: the service form and its saving, the status form and the status change. The table has checked
/// the role, and <see cref="ServiceAccess"/> that the caller may change the service a card names.
/// </summary>
public sealed class ServiceEditDesk(ServiceCatalogue catalogue, ServiceEditors editors, ServiceDesk desk, ServiceAnnouncer announcer, TimeProvider clock)
{
    /// <summary>The form for a new service (administrators).</summary>
    public Task<CardActionResult> AddAsync(CardActionContext action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.WithCard(ServiceEditCards.Form(action.Texts, null, canChangeOwner: true)));

    /// <summary>The form of an existing service.</summary>
    public Task<CardActionResult> EditAsync(CardAction<ServiceRef, CatalogueService> action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.WithCard(ServiceEditCards.Form(action.Texts, action.Entity, action.Caller.Has(Role.Administrator))));

    /// <summary>Adds (administrators) or edits a service; every input is read again here, as card data can be forged.</summary>
    public async Task<CardActionResult> SaveAsync(CardAction<ServiceFormData> action, CancellationToken cancellationToken)
    {
        var form = action.Data;
        var texts = action.Texts;
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        var existing = form.ServiceId is { Length: > 0 } id ? await catalogue.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (form.ServiceId is { Length: > 0 } && existing is null)
        {
            return CardActionResult.NotFound;
        }
        var isAdministrator = action.Caller.Has(Role.Administrator);
        if (existing is null ? !isAdministrator : !await editors.MayEditAsync(action.Caller, existing, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.Refused;
        }
        var owner = isAdministrator ? form.Owner : existing!.OwnerDepartment;
        var (service, problem) = CatalogueImporter.ReadService(
            [existing?.Id ?? form.Id ?? string.Empty, form.Name ?? "", form.Description ?? "", form.Audience ?? "", form.Help ?? "", owner ?? "", form.HighHours ?? "", form.NormalHours ?? "", form.LowHours ?? "", form.Links ?? ""]);
        if (problem is not null)
        {
            return CardActionResult.WithCard(ServiceEditCards.Form(texts, existing, isAdministrator, texts.Services_Invalid(texts[problem])));
        }
        if (existing is null && await catalogue.FindAsync(service!.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return CardActionResult.WithCard(ServiceEditCards.Form(texts, null, true, texts.Services_IdTaken(service.Id)));
        }
        service = service! with { Faqs = existing?.Faqs ?? [], Status = existing?.Status ?? ServiceStatus.OperationalSince(clock.GetUtcNow()) };
        var outcome = await catalogue.SaveAsync(service, actor, cancellationToken).ConfigureAwait(false);
        if (outcome is UpdateOutcome.Contended or UpdateOutcome.NotFound)
        {
            return CardActionResult.ChangedMeanwhile;
        }
        var saved = await catalogue.FindAsync(service.Id, cancellationToken).ConfigureAwait(false) ?? service;
        return CardActionResult.WithCard(await desk.CardAsync(action, saved, texts.Services_Saved(Cards.CardText.Escape(saved.Name)), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The status form.</summary>
    public Task<CardActionResult> StatusFormAsync(CardAction<ServiceRef, CatalogueService> action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.WithCard(ServiceEditCards.StatusForm(action.Texts, action.Entity)));

    /// <summary>
    /// Sets the status. An outage or maintenance needs a message; it, and a return to operational after one, is
    /// announced to the followers (and the chosen audience) through the outbox.
    /// </summary>
    public async Task<CardActionResult> SetStatusAsync(CardAction<StatusFormData, CatalogueService> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var form = action.Data;
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        if (!Enum.TryParse<ServiceCondition>(form.Condition, ignoreCase: false, out var condition) || !Enum.IsDefined(condition))
        {
            return CardActionResult.WithCard(ServiceEditCards.StatusForm(texts, action.Entity, texts.Services_StatusConditionRequired));
        }
        var message = string.IsNullOrWhiteSpace(form.Message) ? null : form.Message.Trim();
        if (message is { Length: > 1000 } || (message is null && condition is ServiceCondition.Outage or ServiceCondition.Maintenance))
        {
            return CardActionResult.WithCard(ServiceEditCards.StatusForm(texts, action.Entity, texts.Services_StatusMessageRequired));
        }
        var notify = form.Notify is StatusNotify.Department or StatusNotify.Everyone ? form.Notify : StatusNotify.Followers;
        var change = await announcer.ChangeAsync(action.Entity.Id, condition, message, notify, actor, cancellationToken).ConfigureAwait(false);
        if (change.Service is null)
        {
            return CardActionResult.ChangedMeanwhile;
        }
        var notice = change.Announced ? texts.Services_StatusAnnounced : change.Changed ? texts.Services_StatusSaved : texts.Services_StatusUnchanged;
        return CardActionResult.WithCard(await desk.CardAsync(action, change.Service, notice, cancellationToken).ConfigureAwait(false));
    }
}
