using System.Text;

namespace TeamsEngage.People.Import;

/// <summary>One record of a CSV file and the line it starts on (1-based).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// Reads comma-separated text: quoted cells may hold commas, doubled quotes and line breaks; blank lines are skipped;
/// cells are trimmed. Small on purpose: directory files are a few thousand lines at most.
/// </summary>
public static class CsvText
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord(records, cells, cell, recordLine);
                    line++;
                    recordLine = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        EndRecord(records, cells, cell, recordLine);
        return records;
    }

    private static void EndRecord(List<CsvRecord> records, List<string> cells, StringBuilder cell, int line)
    {
        cells.Add(cell.ToString().Trim());
        cell.Clear();
        if (cells.Any(c => c.Length > 0))
        {
            records.Add(new CsvRecord(line, [.. cells]));
        }
        cells.Clear();
    }
}
