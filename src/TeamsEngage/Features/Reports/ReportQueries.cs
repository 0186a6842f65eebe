using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The filters of a page's address: <c>from</c> and <c>to</c> (yyyy-MM-dd, UTC days), <c>dept</c>, <c>asks</c> (polls,
/// surveys or both), <c>survey</c>, <c>service</c> and <c>notice</c>. Missing or unreadable dates mean the last 30 days; a range is at most 366 days and
/// never reversed; an unknown department shows nothing; an unreadable <c>asks</c> means both; a malformed survey id none.
/// </summary>
public static class ReportQueries
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static ReportQuery Read(IQueryCollection query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var to = Date(query["to"]) ?? today;
        var from = Date(query["from"]) ?? to.AddDays(-(DefaultDays - 1));
        if (from > to)
        {
            (from, to) = (to, from);
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            from = to.AddDays(-(MaxDays - 1));
        }
        var department = query["dept"].Count == 1 && query["dept"][0] is { Length: > 0 and <= 40 } code ? code.Trim().ToUpperInvariant() : null;
        var asks = query["asks"].Count == 1 ? query["asks"][0] switch
        {
            "polls" => AskKinds.Polls,
            "surveys" => AskKinds.Surveys,
            _ => AskKinds.Both,
        } : AskKinds.Both;
        var survey = query["survey"].Count == 1 && query["survey"][0] is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower) ? id : null;
        return new ReportQuery(from, to, department, asks, survey, Chosen(query["service"]), Chosen(query["notice"]));
    }

    public static string ToQueryString(ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string?> { ["from"] = ReportFormat.Day(query.From), ["to"] = ReportFormat.Day(query.To) };
        if (query.Department is { } department)
        {
            values["dept"] = department;
        }
        if (query.Asks != AskKinds.Both)
        {
            values["asks"] = query.Asks == AskKinds.Polls ? "polls" : "surveys";
        }
        if (query.Survey is { } survey)
        {
            values["survey"] = survey;
        }
        if (query.Service is { } service)
        {
            values["service"] = service;
        }
        if (query.Notice is { } notice)
        {
            values["notice"] = notice;
        }
        return QueryHelpers.AddQueryString(string.Empty, values);
    }

    // A value of a breakdown (a service's name, a notice's id): one, not blank, not longer than a key can be.
    private static string? Chosen(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 1 && value[0] is { Length: > 0 and <= 200 } chosen && !string.IsNullOrWhiteSpace(chosen) ? chosen : null;

    private static DateOnly? Date(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 1 && DateOnly.TryParseExact(value[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
