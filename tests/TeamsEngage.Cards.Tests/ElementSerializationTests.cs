using static TeamsEngage.Cards.Tests.CardJsonAssert;

namespace TeamsEngage.Cards.Tests;

public class ElementSerializationTests
{
    [Fact]
    public void TextBlockWritesTypeFirstEnumsAsSchemaStringsAndOmitsNulls()
    {
        var json = Serialize(new TextBlock("Hello")
        {
            Id = "t1",
            Size = TextSize.ExtraLarge,
            Weight = TextWeight.Bolder,
            Color = TextColor.Attention,
            IsSubtle = true,
            Wrap = true,
            HorizontalAlignment = HorizontalAlignment.Right,
            MaxLines = 3,
            Style = TextBlockStyle.Heading,
            Spacing = Spacing.ExtraLarge,
            Separator = true,
            IsVisible = false,
        });

        Equal("""
            {"type":"TextBlock","id":"t1","text":"Hello","size":"extraLarge","weight":"bolder","color":"attention",
             "isSubtle":true,"wrap":true,"horizontalAlignment":"right","maxLines":3,"style":"heading",
             "spacing":"extraLarge","separator":true,"isVisible":false}
            """, json);
    }

    [Fact]
    public void MinimalTextBlockHasOnlyTypeAndText() =>
        Equal("""{"type":"TextBlock","text":"Hi"}""", Serialize(new TextBlock("Hi")));

    [Fact]
    public void RichTextBlockWritesTypedRuns()
    {
        var json = Serialize(new RichTextBlock(
            new TextRun("a") { Weight = TextWeight.Lighter, Color = TextColor.Accent, Italic = true, IsSubtle = true, Size = TextSize.Small },
            new TextRun("b")));

        Equal("""
            {"type":"RichTextBlock","inlines":[
              {"type":"TextRun","text":"a","size":"small","weight":"lighter","color":"accent","isSubtle":true,"italic":true},
              {"type":"TextRun","text":"b"}]}
            """, json);
    }

    [Fact]
    public void FactSetWritesTitleValuePairs() =>
        Equal("""{"type":"FactSet","facts":[{"title":"A","value":"1"},{"title":"B","value":"2"}]}""",
            Serialize(new FactSet(new Fact("A", "1"), new Fact("B", "2"))));

    [Fact]
    public void ColumnWidthsAreKeywordsWeightsOrPixels()
    {
        var json = Serialize(new ColumnSet(
            new Column { Width = ColumnWidth.Auto },
            new Column { Width = ColumnWidth.Stretch },
            new Column { Width = ColumnWidth.Weighted(3) },
            new Column(new TextBlock("x")) { Width = ColumnWidth.Pixels(50), Id = "c", Style = ContainerStyle.Good, Separator = true }));

        Equal("""
            {"type":"ColumnSet","columns":[
              {"type":"Column","items":[],"width":"auto"},
              {"type":"Column","items":[],"width":"stretch"},
              {"type":"Column","items":[],"width":3},
              {"type":"Column","id":"c","items":[{"type":"TextBlock","text":"x"}],"width":"50px","style":"good","separator":true}]}
            """, json);
    }

    [Fact]
    public void ColumnWidthRejectsNonPositiveWeights() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnWidth.Weighted(0));

    [Fact]
    public void ContainerWritesStyleBleedAndNestedItems() =>
        Equal("""{"type":"Container","items":[{"type":"TextBlock","text":"x"}],"style":"emphasis","bleed":true}""",
            Serialize(new Container(new TextBlock("x")) { Style = ContainerStyle.Emphasis, Bleed = true }));

    [Fact]
    public void ImageWritesUrlAltTextAndSize() =>
        Equal("""{"type":"Image","url":"https://example.org/a.png?x=1&y=2","altText":"Logo","size":"medium","style":"person"}""",
            Serialize(new Image(new Uri("https://example.org/a.png?x=1&y=2")) { AltText = "Logo", Size = ImageSize.Medium, Style = ImageStyle.Person }));

    [Fact]
    public void ActionSetWritesPolymorphicActions() =>
        Equal("""{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"Go","url":"https://example.org/"}]}""",
            Serialize(new ActionSet(new OpenUrlAction("Go", new Uri("https://example.org/")))));

    [Fact]
    public void AccentedTextIsWrittenReadably() =>
        Equal("""{"type":"TextBlock","text":"Información <b>"}""", Serialize(new TextBlock("Información <b>")));
}
