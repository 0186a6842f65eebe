using TeamsEngage.People.Import;

namespace TeamsEngage.Tests.Directory;

public sealed class CsvTextTests
{
    [Fact]
    public void EachRecordKeepsTheLineItStartsOnPastBlankLinesAndLineBreaksInQuotes()
    {
        var csv = "department,code\r\n\r\n\"Music,\nBand\",MUS\n   \n,,\n History , HIS \n";

        var records = CsvText.Parse(csv);

        Assert.Equal([1, 3, 7], records.Select(r => r.Line));
        Assert.Equal(["department", "code"], records[0].Cells);
        Assert.Equal(["Music,\nBand", "MUS"], records[1].Cells);
        Assert.Equal(["History", "HIS"], records[2].Cells);
    }

    [Fact]
    public void QuotedCellsKeepDoubledQuotesAndAreTrimmed()
    {
        var records = CsvText.Parse("\" The \"\"Lab\"\" \",SCI,,,24");

        var record = Assert.Single(records);
        Assert.Equal(["The \"Lab\"", "SCI", "", "", "24"], record.Cells);
    }

    [Fact]
    public void AStrayQuoteIsKeptAsTextSoTheRowCanBeReported()
    {
        var records = CsvText.Parse("Art,A\"RT,,,24\nHistory,HIS,,,48");

        Assert.Equal([1, 2], records.Select(r => r.Line));
        Assert.Equal("A\"RT", records[0].Cells[1]);
    }
}
