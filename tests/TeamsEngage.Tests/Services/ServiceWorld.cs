using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Catalogue;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;

namespace TeamsEngage.Tests.Services;

/// <summary>
/// The ticket school (see <see cref="TicketWorld"/>: Ben is Science's liaison, Fay Arts', Eli an administrator, Ana and
/// Gus teach, Carmen reads Spanish) with a catalogue imported at start-up: Wi-Fi (owned by Science, 2 school hours when
/// it stops class, FAQ in English and Spanish), the gradebook (owned by Arts) and five more, seven in all.
/// </summary>
internal static class ServiceWorld
{
    public const string ServicesCsv = """
        id,name,description,audience,help,owner,highHours,normalHours,lowHours,links
        wifi,Wi-Fi,"The school wireless network, in every building",Staff and students,Report it here,SCI,2,,,Network status|https://status.school.example/wifi
        gradebook,Gradebook,Grades and attendance,Teachers,Ask your department liaison,ART,,16,40,
        printing,Printing,Copiers and classroom printers,Everyone,,,,,,
        email,Email,Staff mailboxes and calendars,Staff,,,,,,
        laptops,Student laptops,Chromebooks lent to students,Students,,,,,,
        projectors,Projectors,Classroom projectors and screens,Teachers,,,,,,
        phones,Phones,Desk phones and voicemail,Staff,,,,,,
        """;

    public const string FaqCsv = """
        service,language,question,answer
        wifi,en,How do I connect my phone to the staff network?,"Choose SchoolStaff, sign in with your school email and password, and accept the certificate."
        wifi,en,Why is the wireless slow in the gym?,The gym has one access point; a second is planned for spring.
        wifi,es,¿Cómo conecto mi teléfono a la red del personal?,"Elige SchoolStaff, entra con tu correo y contraseña del colegio y acepta el certificado."
        gradebook,en,How do I reset my gradebook password?,Use Forgot password on the sign-in page; the link expires after an hour.
        gradebook,es,¿Cómo restablezco mi contraseña del cuaderno de notas?,Usa ¿Olvidaste la contraseña? en la página de acceso; el enlace caduca en una hora.
        printing,en,How do I add a printer to my laptop?,Open Settings then Printers and choose the printer named after your room.
        """;

    public static async Task<BotApplication> StartAsync(TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null, string? dataDirectory = null, bool clearRequests = true)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teamsengage-catalogue-").FullName;
        var servicesPath = Path.Combine(folder, "services.csv");
        var faqPath = Path.Combine(folder, "faq.csv");
        await File.WriteAllTextAsync(servicesPath, ServicesCsv);
        await File.WriteAllTextAsync(faqPath, FaqCsv);
        var settings = new Dictionary<string, string?>
        {
            ["TeamsEngage:Catalogue:ServicesCsv"] = servicesPath,
            ["TeamsEngage:Catalogue:FaqCsv"] = faqPath,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return await TicketWorld.StartAsync(clock, settings, services, dataDirectory, clearRequests);
    }

    public static ServiceCatalogue Catalogue(this BotApplication bot) => bot.Services.GetRequiredService<ServiceCatalogue>();

    /// <summary>The card the bot last sent to <paramref name="persona"/>'s chat.</summary>
    public static JsonNode LastCardTo(this BotApplication bot, Persona persona) => SentCards.CardOf(bot.SentTo(persona)[^1]);

    /// <summary>The verbs and data of a card's buttons, wherever they are.</summary>
    public static IReadOnlyList<(string Verb, JsonNode? Data)> Buttons(JsonNode card)
    {
        var buttons = new List<(string, JsonNode?)>();
        Walk(card, buttons);
        return buttons;
    }

    private static void Walk(JsonNode? node, List<(string, JsonNode?)> buttons)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"]?.GetValue<string>() == "Action.Execute")
            {
                buttons.Add((obj["verb"]!.GetValue<string>(), obj["data"]));
            }
            foreach (var (_, child) in obj)
            {
                Walk(child, buttons);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Walk(child, buttons);
            }
        }
    }
}
