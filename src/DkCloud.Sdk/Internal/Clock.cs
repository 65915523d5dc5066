using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Internal;

/// <summary>Delays on a <see cref="TimeProvider"/>, the same way on every target framework.</summary>
internal static class Clock
{
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, time, cancellationToken);
#else
        return time.Delay(delay, cancellationToken);
#endif
    }
}
