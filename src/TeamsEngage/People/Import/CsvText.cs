using CsvHelper;

namespace TeamsEngage.People.Import;

/// <summary>One record of a CSV file and the line it starts on (1-based).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// Reads comma-separated text with CsvHelper: quoted cells may hold commas, doubled quotes and line breaks; blank lines
/// are skipped; cells are trimmed. The header, if any, is left to the importer, which knows each file's first column.
/// </summary>
public static class CsvText
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        TrimWhitespace = true,
        TrimInsideQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        // A stray quote inside a cell is kept as text: the importer reports the row by line if the value is wrong.
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        using var reader = CsvReader.FromText(text, Options);
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
            if (cells.Any(c => c.Length > 0))
            {
                records.Add(new CsvRecord(checked((int)reader.LineNumber), cells));
            }
        }
        return records;
    }
}
