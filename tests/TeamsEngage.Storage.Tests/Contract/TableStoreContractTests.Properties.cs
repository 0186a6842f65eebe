namespace TeamsEngage.Storage.Tests.Contract;

public abstract partial class TableStoreContractTests
{
    private static readonly DateTimeOffset EasternTime = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(-5)).AddTicks(1_234_567);
    private static readonly Guid SomeGuid = Guid.Parse("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");

    [Fact]
    public async Task EveryPropertyTypeRoundTripsExactly()
    {
        var written = Entity("p", "r",
            ("Text", "héllo ✓ \"quoted\" 'single' <xml/>"),
            ("Empty", ""),
            ("Yes", true),
            ("No", false),
            ("Int", 42),
            ("IntMin", int.MinValue),
            ("SmallLong", 42L),
            ("LongMax", long.MaxValue),
            ("LongMin", long.MinValue),
            ("WholeDouble", 3.0),
            ("Fraction", 0.1),
            ("Huge", 1.7976931348623157e308),
            ("Tiny", double.Epsilon),
            ("Negative", -2.5),
            ("When", EasternTime),
            ("Id", SomeGuid),
            ("Bytes", new byte[] { 0, 1, 2, 127, 128, 255 }));
        await Table.InsertAsync(written);

        var read = (await Table.GetAsync("p", "r"))!.Properties;

        Assert.Equal(written.Properties.Count, read.Count);
        foreach (var (name, value) in written.Properties)
        {
            if (value is DateTimeOffset)
            {
                continue;
            }
            Assert.True(read.ContainsKey(name), $"{name} is missing");
            Assert.IsType(value!.GetType(), read[name]);
            Assert.Equal(value, read[name]);
        }
        var when = Assert.IsType<DateTimeOffset>(read["When"]);
        Assert.Equal(EasternTime.UtcTicks, when.UtcTicks);
        Assert.Equal(TimeSpan.Zero, when.Offset);
    }

    [Fact]
    public async Task IntStaysIntAndLongStaysLongThroughQueriesAndBatches()
    {
        await Table.SubmitBatchAsync([new BatchOperation(BatchOperationKind.Insert, Entity("p", "r", ("I", 7), ("L", 7L), ("D", 7.0)))]);

        var page = await Table.QueryAsync("p");

        var read = Assert.Single(page.Entities);
        Assert.IsType<int>(read.Properties["I"]);
        Assert.IsType<long>(read.Properties["L"]);
        Assert.IsType<double>(read.Properties["D"]);
        Assert.Equal(7L, read.GetInt64("L"));
    }

    [Fact]
    public async Task NullPropertiesAreNotStored()
    {
        await Table.InsertAsync(Entity("p", "r", ("Kept", "yes"), ("Dropped", null)));

        var read = (await Table.GetAsync("p", "r"))!;

        Assert.Equal(["Kept"], read.Properties.Keys);
    }

    [Fact]
    public async Task UnsupportedPropertyTypesAreRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.InsertAsync(Entity("p", "r", ("When", DateTime.UtcNow))));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.InsertAsync(Entity("p", "r", ("Money", 1.5m))));
        Assert.Null(await Table.GetAsync("p", "r"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    public async Task KeysWithCharactersAzureForbidsAreRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.InsertAsync(Entity(key, "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.InsertAsync(Entity("p", key)));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("ab-cd")]
    [InlineData("tables")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void InvalidTableNamesAreRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => Store.Table(name));
    }

    [Fact]
    public async Task ATableThatWasNeverCreatedIsReportedAsSuch()
    {
        var missing = Store.Table(UniqueTableName());

        await Assert.ThrowsAsync<InvalidOperationException>(() => missing.InsertAsync(Entity("p", "r")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => missing.QueryAsync("p"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => missing.GetAsync("p", "r"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => missing.DeleteAsync("p", "r", null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => missing.SubmitBatchAsync([new BatchOperation(BatchOperationKind.Upsert, Entity("p", "r"))]));
    }
}
