using TeamsEngage.Anonymity;
using TeamsEngage.Features.Calendar;
using TeamsEngage.Features.Directory;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Help;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Polls;
using TeamsEngage.Features.Privacy;
using TeamsEngage.Features.Reports;
using TeamsEngage.Features.Services;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Features.Tickets;

namespace TeamsEngage.Hosting;

/// <summary>The features of TeamsEngage, in one place: what each registers, and what each answers.</summary>
public static class FeatureList
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddAnonymity();
        services.AddDirectory();
        services.AddNotices();
        services.AddTickets();
        services.AddPolls();
        services.AddSurveys();
        services.AddPrivacy();
        services.AddCalendar();
        services.AddServices();
        services.AddFeedback();
        services.AddHelp();
        services.AddReports();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapHelp();
        app.MapDirectory();
        app.MapPolls();
        app.MapSurveys();
        app.MapNotices();
        app.MapTickets();
        app.MapPrivacy();
        app.MapCalendar();
        app.MapServices();
        app.MapFeedback();
        app.MapReports();
        return app;
    }
}
