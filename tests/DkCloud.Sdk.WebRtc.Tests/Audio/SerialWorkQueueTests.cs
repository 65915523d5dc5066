using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio.Devices.Windows;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class SerialWorkQueueTests
{
    [Fact]
    public async Task ItemsRunInOrderOneAtATimeAndAFailureSkipsOnlyItself()
    {
        var queue = new SerialWorkQueue();
        var ran = new List<int>();
        int running = 0;
        int overlaps = 0;
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (int i = 0; i < 200; i++)
        {
            int item = i;
            queue.Post(() =>
            {
                if (Interlocked.Increment(ref running) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                try
                {
                    if (item == 50)
                    {
                        throw new InvalidOperationException("handler failed");
                    }

                    ran.Add(item);
                    if (item == 199)
                    {
                        done.SetResult(true);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            });
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(199, ran.Count);
        Assert.DoesNotContain(50, ran);
        Assert.Equal(ran, new SortedSet<int>(ran));
        Assert.Equal(0, overlaps);
        Assert.Equal(1, queue.Failures);
    }

    [Fact]
    public void AClosedQueueIgnoresPosts()
    {
        var queue = new SerialWorkQueue();
        queue.Close();
        bool ran = false;
        queue.Post(() => ran = true);
        Assert.False(ran);
        Assert.Throws<ArgumentNullException>(() => queue.Post(null!));
    }
}
