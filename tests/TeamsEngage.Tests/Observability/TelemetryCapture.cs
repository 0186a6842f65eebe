using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TeamsEngage.Tests.Observability;

/// <summary>What the bot's OpenTelemetry providers export, caught by the in-memory exporters added beside the app's own.</summary>
internal sealed class TelemetryCapture
{
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly List<Activity> _spans = [];
    private readonly List<LogRecord> _logs = [];
    private IServiceProvider? _services;

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(_logs));
    }

    public void Attach(IServiceProvider services) => _services = services;

    /// <summary>Collects every instrument now (the gauge's callback included) and returns the latest points of each metric.</summary>
    public IReadOnlyList<MetricSnapshot> Metrics()
    {
        lock (_metrics)
        {
            _metrics.Clear();
        }
        _services!.GetRequiredService<MeterProvider>().ForceFlush();
        lock (_metrics)
        {
            return [.. _metrics];
        }
    }

    /// <summary>The sum of a counter's points whose tags include every pair in <paramref name="tags"/>.</summary>
    public long Sum(string metric, params (string Key, string Value)[] tags) =>
        Points(metric).Where(p => Matches(p, tags)).Sum(p => p.GetSumLong());

    /// <summary>The number of values recorded by a histogram.</summary>
    public long Count(string metric, params (string Key, string Value)[] tags) =>
        Points(metric).Where(p => Matches(p, tags)).Sum(p => p.GetHistogramCount());

    /// <summary>The last value of a gauge for the given tags, or null when it has no such point.</summary>
    public long? Gauge(string metric, params (string Key, string Value)[] tags) =>
        Points(metric).Where(p => Matches(p, tags)).Select(p => (long?)p.GetGaugeLastValueLong()).LastOrDefault();

    /// <summary>Every string the exported telemetry carries: names, attribute keys and values, messages, exceptions.</summary>
    public IReadOnlyList<string> EverySerializedValue()
    {
        var values = new List<string>();
        foreach (var metric in Metrics())
        {
            values.Add(metric.Name);
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    values.Add(tag.Key + "=" + Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
                }
            }
        }
        _services!.GetRequiredService<TracerProvider>().ForceFlush();
        lock (_spans)
        {
            foreach (var span in _spans)
            {
                values.Add(span.DisplayName);
                values.AddRange(span.TagObjects.Select(t => t.Key + "=" + Convert.ToString(t.Value, CultureInfo.InvariantCulture)));
                values.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => e.Name + ":" + t.Key + "=" + Convert.ToString(t.Value, CultureInfo.InvariantCulture))));
            }
        }
        lock (_logs)
        {
            foreach (var log in _logs)
            {
                values.Add(log.CategoryName + " " + log.Body + " " + log.FormattedMessage + " " + log.Exception);
                values.AddRange((log.Attributes ?? []).Select(a => a.Key + "=" + Convert.ToString(a.Value, CultureInfo.InvariantCulture)));
            }
        }
        return values;
    }

    public int SpanCount
    {
        get
        {
            lock (_spans)
            {
                return _spans.Count;
            }
        }
    }

    public int LogCount
    {
        get
        {
            lock (_logs)
            {
                return _logs.Count;
            }
        }
    }

    /// <summary>A metric's points as text, for a failing assertion's message.</summary>
    public string Describe(string metric) => string.Join("; ", Points(metric).Select(p =>
        string.Join(",", EnumerateTags(p)) + " sum=" + (metric.EndsWith(".depth", StringComparison.Ordinal) ? p.GetGaugeLastValueLong() : p.GetSumLong())));

    private static List<string> EnumerateTags(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag.Key + "=" + Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
        }
        return tags;
    }

    private List<MetricPoint> Points(string metric)
    {
        var points = new List<MetricPoint>();
        foreach (var snapshot in Metrics().Where(m => m.Name == metric))
        {
            points.AddRange(snapshot.MetricPoints);
        }
        return points;
    }

    private static bool Matches(MetricPoint point, (string Key, string Value)[] tags)
    {
        var present = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            present[tag.Key] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture);
        }
        return tags.All(t => present.TryGetValue(t.Key, out var value) && value == t.Value);
    }
}
