using System;
using System.Collections.Generic;
using System.Threading;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Calls;

/// <summary>
/// The calls of one agent by <c>linkedId</c>: legs, direction, type, hold and mute, transfer role, and the
/// after-call work (wrap-up) countdown that starts when the agent's leg hangs up. Updated on the client's event
/// worker before each event is raised, so a handler always sees the state the event produced.
/// </summary>
public sealed class CallTracker : IDisposable
{
    private readonly Dictionary<string, TrackedCall> _calls = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly string _projectId;
    private readonly string _agentNumber;
    private readonly object _gate = new();
    private ITimer? _wrapupTimer;
    private TrackedCall? _wrapupCall;
    private int _wrapupRemaining;
    private Action<WrapupEventArgs>? _wrapupSink;

    internal CallTracker(TimeProvider time, string projectId, string agentNumber)
    {
        _time = time;
        _projectId = projectId;
        _agentNumber = agentNumber;
    }

    /// <summary>The call the agent is on or was last on, or null when there is none.</summary>
    public TrackedCall? Current { get; private set; }

    /// <summary>Calls not yet ended, plus the one in wrap-up.</summary>
    public IReadOnlyCollection<TrackedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return new List<TrackedCall>(_calls.Values);
            }
        }
    }

    /// <summary>Seconds of after-call work left, or zero when none is running.</summary>
    public int WrapupRemainingSeconds
    {
        get
        {
            lock (_gate)
            {
                return _wrapupRemaining;
            }
        }
    }

    /// <summary>The call with this id, or null.</summary>
    public TrackedCall? Find(string linkedId)
    {
        lock (_gate)
        {
            return _calls.TryGetValue(linkedId, out var call) ? call : null;
        }
    }

    internal void OnWrapup(Action<WrapupEventArgs> sink) => _wrapupSink = sink;

    /// <summary>Applies a ring, answer or hang-up event and returns the call it concerns.</summary>
    internal TrackedCall? Apply(CallEventArgs e)
    {
        var data = e.Data;
        var id = data?.LinkedId;
        if (data is null || string.IsNullOrEmpty(id))
        {
            return null;
        }

        TrackedCall call;
        lock (_gate)
        {
            if (!_calls.TryGetValue(id!, out call!))
            {
                if (e is HangupEventArgs)
                {
                    // A hang-up for a call never seen (e.g. it ended while the link was down): report, don't track.
                    call = new TrackedCall(id!) { Phase = CallPhase.Ended };
                    Fill(call, data, e);
                    return call;
                }

                call = new TrackedCall(id!);
                _calls.Add(id!, call);
            }

            Fill(call, data, e);
            var leg = data.CallLeg == CallLeg.Agent && !IsMine(data) ? CallLeg.OtherAgent : data.CallLeg;
            switch (e)
            {
                case RingEventArgs:
                    call.SetLeg(leg, LegState.Ringing);
                    break;
                case AnswerEventArgs:
                    call.SetLeg(leg, LegState.Answered);
                    if (leg == CallLeg.Agent || call.Phase == CallPhase.Ringing)
                    {
                        call.Phase = CallPhase.Connected;
                    }

                    break;
                case HangupEventArgs:
                    call.SetLeg(leg, LegState.Ended);
                    if (leg == CallLeg.Agent || (leg == CallLeg.Customer && !call.Legs.ContainsKey(CallLeg.Agent)))
                    {
                        EndLocked(call, data.WrapupTime ?? 0);
                    }

                    break;
            }

            Current = call.Phase == CallPhase.Ended && Current != call ? Current : call;
        }

        return call;
    }

    internal void SetHeld(bool held)
    {
        lock (_gate)
        {
            if (Current is { Phase: not CallPhase.Ended } c)
            {
                c.IsHeld = held;
            }
        }
    }

    internal void SetMuted(bool muted)
    {
        lock (_gate)
        {
            if (Current is { Phase: not CallPhase.Ended } c)
            {
                c.IsMuted = muted;
            }
        }
    }

    /// <summary>Ends a call that the server no longer knows (after a reconnect) and returns it, or null.</summary>
    internal TrackedCall? Forget(string linkedId)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(linkedId, out var call))
            {
                return null;
            }

            _calls.Remove(linkedId);
            call.Phase = CallPhase.Ended;
            if (Current == call)
            {
                Current = null;
            }

            return call;
        }
    }

    /// <summary>Stops the wrap-up timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _wrapupTimer?.Dispose();
            _wrapupTimer = null;
            _wrapupRemaining = 0;
        }
    }

    /// <summary>Whether an agent leg is this agent's own (no number given counts as own).</summary>
    private bool IsMine(CallData data) =>
        string.IsNullOrEmpty(data.AgentNumber) || CallClassifier.IsSameAgent(data.AgentNumber!, _projectId, _agentNumber);

    private void Fill(TrackedCall call, CallData data, CallEventArgs e)
    {
        if (data.Direction != CallDirection.Unknown)
        {
            call.Direction = data.Direction;
        }

        call.CallType = data.CallType;
        call.CustomerNumber = data.CustomerTelNumber ?? call.CustomerNumber;
        call.CustomerCity = data.CustomerTelCity ?? call.CustomerCity;
        call.LastDialCode = data.DialCode;
        call.LastData = data;
        var role = CallClassifier.RoleOf(data, _projectId, _agentNumber);
        if (role != TransferRole.None)
        {
            call.TransferRole = role;
        }

        e.TransferRole = role;
        e.Call = call;
    }

    private void EndLocked(TrackedCall call, int wrapupSeconds)
    {
        if (call.Phase == CallPhase.Ended)
        {
            return;
        }

        call.Phase = CallPhase.Ended;
        call.IsHeld = false;
        call.Wrapup = TimeSpan.FromSeconds(Math.Max(0, wrapupSeconds));
        _calls.Remove(call.LinkedId);
        if (wrapupSeconds <= 0)
        {
            return;
        }

        _wrapupTimer?.Dispose();
        _wrapupCall = call;
        _wrapupRemaining = wrapupSeconds;
        _calls[call.LinkedId] = call;
        _wrapupSink?.Invoke(new WrapupEventArgs(call, wrapupSeconds));
        _wrapupTimer = _time.CreateTimer(static s => ((CallTracker)s!).Tick(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void Tick()
    {
        WrapupEventArgs? args;
        lock (_gate)
        {
            if (_wrapupCall is null || _wrapupRemaining <= 0)
            {
                return;
            }

            _wrapupRemaining--;
            args = new WrapupEventArgs(_wrapupCall, _wrapupRemaining);
            if (_wrapupRemaining == 0)
            {
                _calls.Remove(_wrapupCall.LinkedId);
                _wrapupCall = null;
                _wrapupTimer?.Dispose();
                _wrapupTimer = null;
            }
        }

        _wrapupSink?.Invoke(args);
    }
}
