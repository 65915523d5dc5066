using System;
using System.Collections.Generic;
using System.Threading;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Emulator.Media;

/// <summary>
/// The audio of one call: who hears whom. Parties are the simulated customer and music (generators, made per
/// listener so every listener gets a continuous signal) and the agents' SIP legs (talkers through their media
/// sessions' sinks, listeners through their sources). A listener hears the sum of the talkers its route names;
/// simulated listeners (the customer) are clocked by the bridge's own 20 ms timer and written to their
/// <see cref="PartyHearing"/>.
/// </summary>
internal sealed class CallAudioBridge : IDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);
    private readonly object _gate = new();
    private readonly Dictionary<string, Func<IAudioFrameSource>> _generators = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Listener, string Talker), IAudioFrameSource> _generated = new();
    private readonly Dictionary<(string Talker, string Listener), FrameQueue> _queues = new();
    private readonly Dictionary<string, PartyHearing> _hearings = new(StringComparer.Ordinal);
    private readonly short[] _frame = new short[MediaSession.FrameSamples];
    private readonly int[] _mix = new int[MediaSession.FrameSamples];
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _routes = new Dictionary<string, IReadOnlyList<string>>();
    private readonly ITimer _timer;
    private bool _disposed;

    public CallAudioBridge(TimeProvider time)
    {
        _timer = time.CreateTimer(static state => ((CallAudioBridge)state!).Tick(), this, FrameInterval, FrameInterval);
    }

    /// <summary>Declares a simulated talker whose audio <paramref name="factory"/> makes (once per listener).</summary>
    public void SetGenerator(string party, Func<IAudioFrameSource> factory)
    {
        lock (_gate)
        {
            if (!_generators.ContainsKey(party))
            {
                _generators[party] = factory;
            }
        }
    }

    /// <summary>Declares a simulated listener; what it hears goes to <paramref name="hearing"/> every 20 ms.</summary>
    public void SetHearing(string party, PartyHearing hearing)
    {
        lock (_gate)
        {
            _hearings.TryAdd(party, hearing);
        }
    }

    /// <summary>Replaces who hears whom: listener → talkers.</summary>
    public void SetRoutes(IReadOnlyDictionary<string, IReadOnlyList<string>> routes)
    {
        lock (_gate)
        {
            _routes = routes;
        }
    }

    /// <summary>What <paramref name="listener"/> hears, for its media session to send.</summary>
    public IAudioFrameSource ListenerSource(string listener) => new Listener(this, listener);

    /// <summary>Where <paramref name="talker"/>'s media session writes what it receives.</summary>
    public IAudioFrameSink TalkerSink(string talker) => new Talker(this, talker);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
        foreach (var generated in _generated.Values)
        {
            (generated as IDisposable)?.Dispose();
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var (party, hearing) in _hearings)
            {
                MixLocked(party, _frame);
                hearing.Write(_frame);
            }
        }
    }

    private void Read(string listener, Span<short> frame)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                frame.Clear();
                return;
            }

            MixLocked(listener, frame);
        }
    }

    private void MixLocked(string listener, Span<short> frame)
    {
        Array.Clear(_mix);
        if (_routes.TryGetValue(listener, out var talkers))
        {
            foreach (var talker in talkers)
            {
                if (_generators.TryGetValue(talker, out var factory))
                {
                    if (!_generated.TryGetValue((listener, talker), out var source))
                    {
                        source = factory();
                        _generated[(listener, talker)] = source;
                    }

                    source.Read(frame);
                    for (var i = 0; i < _mix.Length; i++)
                    {
                        _mix[i] += frame[i];
                    }
                }
                else if (_queues.TryGetValue((talker, listener), out var queue))
                {
                    queue.MixInto(_mix);
                }
            }
        }

        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Clamp(_mix[i], short.MinValue, short.MaxValue);
        }
    }

    private void Write(string talker, ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var (listener, talkers) in _routes)
            {
                foreach (var routed in talkers)
                {
                    if (string.Equals(routed, talker, StringComparison.Ordinal))
                    {
                        if (!_queues.TryGetValue((talker, listener), out var queue))
                        {
                            queue = new FrameQueue();
                            _queues[(talker, listener)] = queue;
                        }

                        queue.Write(frame);
                        break;
                    }
                }
            }
        }
    }

    private sealed class Listener(CallAudioBridge bridge, string party) : IAudioFrameSource
    {
        public void Read(Span<short> frame) => bridge.Read(party, frame);
    }

    private sealed class Talker(CallAudioBridge bridge, string party) : IAudioFrameSink
    {
        public void Write(ReadOnlySpan<short> frame) => bridge.Write(party, frame);
    }
}
