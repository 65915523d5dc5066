using System;
using System.Collections.Generic;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Consent freshness on the selected pair (RFC 7675).</summary>
internal sealed partial class IceAgent
{
    /// <summary>The next consent check: the interval times a random factor in [0.8, 1.2) (RFC 7675 section 5.1).</summary>
    private void ScheduleConsent()
    {
        double factor = 0.8 + (0.4 * _options.Randomizer());
        _consentTimer.Change(TimeSpan.FromTicks((long)(_options.ConsentInterval.Ticks * factor)), Timeout.InfiniteTimeSpan);
    }

    private void OnConsentTick()
    {
        lock (_gate)
        {
            IceCandidatePair? selected = _selected;
            if (_disposed || selected is null || _consentLost)
            {
                return;
            }

            DropStaleConsentChecks();
            if (_time.GetElapsedTime(_lastConsentAt) >= _options.ConsentTimeout)
            {
                Volatile.Write(ref _consentLost, true);
                var args = new IceCandidatePairEventArgs(selected, null);
                _events.Post(() => ConsentLost?.Invoke(this, args));
                return;
            }

            SendCheck(selected, useCandidate: false, consent: true);
            ScheduleConsent();
        }
    }

    /// <summary>Consent checks are sent once and never retransmitted; forget those older than the consent timeout.</summary>
    private void DropStaleConsentChecks()
    {
        List<(ulong, uint)>? stale = null;
        foreach (KeyValuePair<(ulong, uint), IceCheckTransaction> entry in _transactions)
        {
            if (entry.Value.Consent && _time.GetElapsedTime(entry.Value.StartedAt) >= _options.ConsentTimeout)
            {
                (stale ??= new List<(ulong, uint)>()).Add(entry.Key);
            }
        }

        if (stale is not null)
        {
            foreach ((ulong, uint) key in stale)
            {
                _transactions.Remove(key);
            }
        }
    }
}
