using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Catalogue;
using TeamsEngage.People;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Services;

public sealed class ServiceBrowseTests
{
    [Fact]
    public async Task ServicesShowsTheCatalogueFivePerPageAndNextShowsTheRest()
    {
        await using var bot = await ServiceWorld.StartAsync();

        await bot.SayAsAsync(Ana, "services");

        var first = bot.LastCardTo(Ana);
        Assert.Equal("IT services", SentCards.TitleOf(first));
        Assert.Contains("Page 1 of 2 (7 services)", CardReading.Said(first), StringComparison.Ordinal);
        Assert.Equal(5, Opened(first).Count);
        Assert.Equal(["Next"], CardReading.ActionTitles(first));
        var next = first["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Next")!["data"];

        var second = CardOf(await bot.ActAsync(Ana, "services.page", next));

        Assert.Contains("Page 2 of 2 (7 services)", CardReading.Said(second), StringComparison.Ordinal);
        Assert.Equal(2, Opened(second).Count);
        Assert.Empty(Opened(first).Intersect(Opened(second)));
        Assert.Equal(["Previous"], CardReading.ActionTitles(second));
    }

    [Fact]
    public async Task TheSearchFindsServicesByStemmedWordsInThePersonsLanguageBestFirst()
    {
        await using var bot = await ServiceWorld.StartAsync();

        await bot.SayAsAsync(Ana, "services wireless network");
        var wireless = bot.LastCardTo(Ana);
        await bot.SayAsAsync(Carmen, "servicios contraseñas");
        var contraseña = bot.LastCardTo(Carmen);
        var nothing = CardOf(await bot.ActAsync(Ana, "services.page", new { query = "xyzzy" }));

        Assert.Equal(["wifi"], Opened(wireless));
        Assert.Equal(["gradebook"], Opened(contraseña));
        Assert.Contains("No service matches that search.", CardReading.Said(nothing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiciosAnswersInSpanishAndAnAdministratorMayAddAService()
    {
        await using var bot = await ServiceWorld.StartAsync();

        await bot.SayAsAsync(Carmen, "servicios");
        await bot.SayAsAsync(Eli, "services");

        Assert.Equal("Servicios de TI", SentCards.TitleOf(bot.LastCardTo(Carmen)));
        Assert.DoesNotContain("Añadir un servicio", CardReading.ActionTitles(bot.LastCardTo(Carmen)));
        Assert.Contains("Add a service", CardReading.ActionTitles(bot.LastCardTo(Eli)));
    }

    [Fact]
    public async Task AServiceCardShowsStatusPromiseFaqAndTheThreeActionsInThePersonsLanguage()
    {
        await using var bot = await ServiceWorld.StartAsync();

        var english = CardOf(await bot.ActAsync(Ana, "services.show", new { serviceId = "wifi" }));
        var spanish = CardOf(await bot.ActAsync(Carmen, "services.show", new { serviceId = "wifi" }));

        var said = CardReading.Said(english);
        Assert.StartsWith("Operational since", CardReading.Texts(english)[1], StringComparison.Ordinal);
        Assert.Contains("Response when it stops class: 2 school hours", said, StringComparison.Ordinal);
        Assert.Contains("Response when it is in the way: the department's promise", said, StringComparison.Ordinal);
        Assert.Contains("How do I connect my phone to the staff network?", said, StringComparison.Ordinal);
        Assert.DoesNotContain("¿Cómo conecto", said, StringComparison.Ordinal);
        Assert.Equal(["Report a problem", "Give feedback", "Follow status updates"], CardReading.ActionTitles(english));
        var buttons = ServiceWorld.Buttons(english);
        Assert.Equal("wifi", buttons.Single(b => b.Verb == "report.open").Data!["serviceId"]!.GetValue<string>());
        Assert.Equal("service:wifi", buttons.Single(b => b.Verb == "feedback.compose").Data!["topic"]!.GetValue<string>());
        Assert.Contains("¿Cómo conecto mi teléfono a la red del personal?", CardReading.Said(spanish), StringComparison.Ordinal);
        Assert.Equal(["Reportar un problema", "Dar mi opinión", "Seguir el estado"], CardReading.ActionTitles(spanish));
    }

    [Fact]
    public async Task AForgedOrUnknownServiceIdIsRefusedAsNotFound()
    {
        await using var bot = await ServiceWorld.StartAsync();

        var unknown = await bot.ActAsync(Ana, "services.show", new { serviceId = "nope" });
        var forged = await bot.ActAsync(Ana, "services.show", new { serviceId = "../../wifi" });
        var shapeless = await bot.ActAsync(Ana, "services.show", new { });

        Assert.Equal("That service no longer exists.", MessageOf(unknown));
        Assert.Equal("That service no longer exists.", MessageOf(forged));
        Assert.Equal("Ese servicio ya no existe.", MessageOf(await bot.ActAsync(Carmen, "services.show", new { serviceId = "nope" })));
        Assert.Equal("application/vnd.microsoft.activity.message", shapeless["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task FollowingAServiceIsRememberedAndCanBeUndone()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        var followed = CardOf(await bot.ActAsync(Ana, "services.follow", new { serviceId = "wifi" }));

        Assert.Contains("You will be told when the status of Wi-Fi changes.", CardReading.Said(followed), StringComparison.Ordinal);
        Assert.Contains("Stop following", CardReading.ActionTitles(followed));
        Assert.True(await bot.Catalogue().IsFollowingAsync("wifi", DirectorySeeding.KeyOf(Ana), CancellationToken.None));

        var unfollowed = CardOf(await bot.ActAsync(Ana, "services.unfollow", new { serviceId = "wifi" }));

        Assert.Contains("Follow status updates", CardReading.ActionTitles(unfollowed));
        Assert.False(await bot.Catalogue().IsFollowingAsync("wifi", DirectorySeeding.KeyOf(Ana), CancellationToken.None));
    }

    [Fact]
    public async Task WhatAPersonFollowsIsInTheirExportAndGoneAfterTheirErasure()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        await bot.ActAsync(Ana, "services.follow", new { serviceId = "wifi" });
        await bot.ActAsync(Ana, "services.follow", new { serviceId = "printing" });
        await bot.ActAsync(Gus, "services.follow", new { serviceId = "wifi" });
        var data = bot.Services.GetServices<IPersonalData>().OfType<CataloguePersonalData>().Single();
        var ana = new DataSubject(DirectorySeeding.KeyOf(Ana), [Ana.UserId], [Ana.ConversationId], null);

        var export = await data.ExportAsync(ana, CancellationToken.None);
        var erased = await data.EraseAsync(ana, CancellationToken.None);

        Assert.Equal(["printing", "wifi"], export.Records.Select(r => r["service"]).Order());
        Assert.Equal(2, erased);
        Assert.Equal([DirectorySeeding.KeyOf(Gus)], await bot.Catalogue().FollowersAsync("wifi", CancellationToken.None).ToListAsync());
    }

    private static List<string> Opened(JsonNode list) =>
        [.. ServiceWorld.Buttons(list).Where(b => b.Verb == "services.show").Select(b => b.Data!["serviceId"]!.GetValue<string>())];
}
