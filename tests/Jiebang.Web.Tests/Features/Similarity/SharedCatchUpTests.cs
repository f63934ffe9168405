using Jiebang.Web.Features.Similarity;

namespace Jiebang.Web.Tests.Features.Similarity;

public sealed class SharedCatchUpTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class Source
    {
        public int Reads;
        public int Written;
        public TaskCompletionSource Held { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Reads what was written when the read began, then waits until the test lets it finish.</summary>
        public async Task<string> ReadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            var seen = $"written {Volatile.Read(ref Written)}";
            await Held.Task.WaitAsync(cancellationToken);
            return seen;
        }
    }

    [Fact]
    public async Task CallersArrivingDuringACatchUp_ShareTheNextOne_AndEachSeesWhatWasWrittenBeforeItArrived()
    {
        var shared = new SharedCatchUp<string>();
        var source = new Source();
        var first = shared.RunAsync(source.ReadAsync, Ct);          // reads "written 0" and is held
        source.Written = 1;                                          // another instance writes a record
        var crowd = Enumerable.Range(0, 50).Select(_ => shared.RunAsync(source.ReadAsync, Ct)).ToList();
        Assert.Equal(1, source.Reads);

        source.Held.SetResult();
        Assert.Equal("written 0", await first);
        // The crowd arrived after the write: one more read, begun after all of them arrived, answers all 50.
        Assert.All(await Task.WhenAll(crowd), seen => Assert.Equal("written 1", seen));
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task ACallerArrivingAfterACatchUpEnded_ReadsAgain()
    {
        var shared = new SharedCatchUp<string>();
        var source = new Source();
        source.Held.SetResult();
        Assert.Equal("written 0", await shared.RunAsync(source.ReadAsync, Ct));
        source.Written = 1;
        Assert.Equal("written 1", await shared.RunAsync(source.ReadAsync, Ct));
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task ACatchUpThatFailed_IsNotTakenAsAnAnswer_TheNextCallerReadsAgain()
    {
        var shared = new SharedCatchUp<string>();
        var source = new Source();
        var failing = shared.RunAsync(_ => Task.FromException<string>(new TimeoutException("the database did not answer")), Ct);
        await Assert.ThrowsAsync<TimeoutException>(() => failing);
        source.Held.SetResult();
        Assert.Equal("written 0", await shared.RunAsync(source.ReadAsync, Ct));
        Assert.Equal(1, source.Reads);
    }
}
