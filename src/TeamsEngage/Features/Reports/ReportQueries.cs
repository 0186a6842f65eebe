using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The filters of a page's address: <c>from</c> and <c>to</c> (yyyy-MM-dd, UTC days), <c>dept</c>, <c>asks</c> (polls,
/// surveys or both) and <c>survey</c>. Missing or unreadable dates mean the last 30 days; a range is at most 366 days and
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
        return new ReportQuery(from, to, department, asks, survey);
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
        return QueryHelpers.AddQueryString(string.Empty, values);
    }

    private static DateOnly? Date(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 1 && DateOnly.TryParseExact(value[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
