using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>Allocate, Refresh and release (RFC 8656 sections 7 and 8).</summary>
internal sealed partial class TurnClient
{
    private const byte UdpProtocol = 17;

    /// <summary>Creates the allocation (REQUESTED-TRANSPORT UDP) and starts refreshing it.</summary>
    /// <returns>The relayed transport address.</returns>
    /// <exception cref="TurnException">The server refused (see <see cref="TurnException.StunErrorCode"/>) or did not answer.</exception>
    /// <exception cref="InvalidOperationException">An allocation exists already.</exception>
    public async Task<IPEndPoint> AllocateAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_allocated || _reallocating)
            {
                throw new InvalidOperationException("The TURN client already holds an allocation.");
            }
        }

        (IPEndPoint relayed, TimeSpan lifetime) = await AllocateCoreAsync(cancellationToken).ConfigureAwait(false);
        Allocated?.Invoke(this, new TurnAllocationEventArgs(relayed, lifetime));
        return relayed;
    }

    /// <summary>Refreshes the allocation now with the configured lifetime; the next refresh is rescheduled.</summary>
    /// <exception cref="TurnException">
    /// The refresh failed; with 437 (the server does not know the allocation) it is then considered lost and allocated again.
    /// </exception>
    public async Task<TimeSpan> RefreshAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfNotAllocated();
        uint requested = (uint)_options.RequestedLifetime.TotalSeconds;
        TurnResponse response = await RequestAsync(
            StunMethod.Refresh,
            (ref StunMessageWriter w) => w.AddUInt32(StunAttributeType.Lifetime, requested),
            cancellationToken).ConfigureAwait(false);
        TimeSpan lifetime = TimeSpan.FromSeconds(response.Lifetime ?? requested);
        IPEndPoint relayed;
        lock (_gate)
        {
            if (!_allocated)
            {
                throw new TurnException(TurnError.NoAllocation, 0, "The allocation was released during the refresh.");
            }

            _lifetime = lifetime;
            relayed = _relayed!;
            _refreshTimer.Change(RefreshDelay(lifetime), Timeout.InfiniteTimeSpan);
        }

        Refreshed?.Invoke(this, new TurnAllocationEventArgs(relayed, lifetime));
        return lifetime;
    }

    /// <summary>Deletes the allocation (Refresh with LIFETIME 0) and stops the timers.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfNotAllocated();
        lock (_gate)
        {
            _refreshTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _permissionTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _allocated = false;
            _peers.Clear();
            _channels.Clear();
        }

        await RequestAsync(StunMethod.Refresh, static (ref StunMessageWriter w) => w.AddUInt32(StunAttributeType.Lifetime, 0), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refresh a minute before expiry, or at half the lifetime when that is shorter than two minutes.</summary>
    internal static TimeSpan RefreshDelay(TimeSpan lifetime) =>
        lifetime > TimeSpan.FromMinutes(2) ? lifetime - TimeSpan.FromMinutes(1) : TimeSpan.FromTicks(lifetime.Ticks / 2);

    private void ThrowIfNotAllocated()
    {
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                throw new TurnException(TurnError.Disposed, 0, "The TURN client was disposed.");
            }

            if (!_allocated)
            {
                throw new TurnException(TurnError.NoAllocation, 0, "There is no TURN allocation.");
            }
        }
    }

    private void OnRefreshTimer() => _ = RefreshFromTimerAsync();

    private async Task RefreshFromTimerAsync()
    {
        int allocation;
        lock (_gate)
        {
            allocation = _allocation;
        }

        try
        {
            await RefreshAsync(_disposed.Token).ConfigureAwait(false);
        }
        catch (TurnException e) when (e.Error != TurnError.Disposed && e.Error != TurnError.NoAllocation)
        {
            // No answer, or an error: the allocation ends with its lifetime anyway, so it is replaced now.
            OnAllocationLost(e, allocation);
        }
        catch (TurnException)
        {
            // Disposed or released meanwhile: nothing to report.
        }
        catch (OperationCanceledException)
        {
            // Disposed meanwhile.
        }
    }
}
