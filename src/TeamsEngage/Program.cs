using TeamsEngage.Calendar;
using TeamsEngage.Catalogue;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Hosting;
using TeamsEngage.Links;
using TeamsEngage.Outbox;
using TeamsEngage.Reporting;
using TeamsEngage.Search;
using TeamsEngage.Storage.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTableStore(builder.Configuration);
builder.Services.AddBot(builder.Configuration, builder.Environment);
builder.Services.AddOutbox();
builder.Services.AddPeople();
builder.Services.AddSchoolCalendar();
builder.Services.AddServiceCatalogue();
builder.Services.AddSignedLinks();
builder.Services.AddReportFigures();
builder.Services.AddTextSearch();
builder.Services.AddFeatures();
builder.Services.AddHealth();
builder.Services.AddTelemetry(builder.Configuration);

var app = builder.Build();

app.WarnAboutRiskySettings();
app.MapHealth();
app.MapBotEndpoint("/api/messages");
app.MapFeatures();

return app.RunOrExplain();

/// <summary>The web host's entry point, visible to the test host.</summary>
public partial class Program;
