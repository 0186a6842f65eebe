using TeamsEngage.Outbox;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// What a held shard or queue remembers of the rows it finished, so a page read that began before a row was recorded
/// cannot hand that row out again.
/// </summary>
public sealed class WorkItemRulesTests
{
    [Fact]
    public void ARowFinishedAfterAReadBeganIsRecognisedAndOneFinishedBeforeIsNot()
    {
        var item = new WorkItem("q|0", OutboxPriority.Interactive, null);
        item.Busy.Add("a");
        item.Busy.Add("b");
        item.Finish("a");
        var readFrom = item.Finishes;

        item.Finish("b");

        Assert.Empty(item.Busy);
        Assert.False(item.FinishedSince("a", readFrom));
        Assert.True(item.FinishedSince("b", readFrom));
        Assert.False(item.FinishedSince("c", readFrom));
    }

    [Fact]
    public void ARowIsForgottenOnlyOnceEveryLaterReadBeganAfterItFinished()
    {
        var item = new WorkItem("s|0", OutboxPriority.Bulk, "notice-1");
        item.Finish("a");
        var firstRead = item.Finishes;
        item.Finish("b");

        item.ForgetFinishedBefore(firstRead);

        Assert.True(item.FinishedSince("b", firstRead));
        item.ForgetFinishedBefore(item.Finishes);
        Assert.False(item.FinishedSince("b", firstRead));
        Assert.Equal(2, item.Finishes);
    }
}
