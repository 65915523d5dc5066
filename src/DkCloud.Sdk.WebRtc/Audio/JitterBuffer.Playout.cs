using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>The playout side of the jitter buffer: one frame per <see cref="Pull"/>.</summary>
internal sealed partial class JitterBuffer
{
    private const int FramesBetweenShrinks = 10;
    private const int LateBeforeRestart = 3;
    private readonly short[] _staging;
    private readonly ComfortNoiseGenerator _noise = new();
    private bool _anchored;
    private long _playoutTimestamp;
    private int _targetFrames;
    private bool _comfortNoise;
    private int _comfortNoiseLevel = 127;
    private int _silentFrames;
    private int _waitingFrames;
    private int _stagingOffset;
    private int _stagingCount;
    private int _framesSinceShrink;
    private int _consecutiveLate;

    /// <summary>Produces the next 20 ms frame into the first <see cref="FrameSamples"/> samples of <paramref name="frame"/>.</summary>
    public PlayoutFrameKind Pull(Span<short> frame)
    {
        if (frame.Length < FrameSamples)
        {
            throw new ArgumentException("The frame must hold " + FrameSamples + " samples.", nameof(frame));
        }

        PlayoutFrameKind kind = PullFrame(frame.Slice(0, FrameSamples));
        _framesSinceShrink++;
        UpdateDelay();
        return kind;
    }

    private PlayoutFrameKind PullFrame(Span<short> output)
    {
        if (!_anchored && !TryAnchor())
        {
            return PlaySilence(output);
        }

        if (_stagingCount > 0)
        {
            return PlayStaged(output);
        }

        Shrink();
        JitterBufferSlot? slot = Find(_playoutTimestamp);
        if (slot is not null)
        {
            return PlaySlot(slot, output);
        }

        if (_comfortNoise)
        {
            _noise.Fill(output, _comfortNoiseLevel);
            Statistics.ComfortNoise++;
            _playoutTimestamp += _frameSpan;
            return PlayoutFrameKind.ComfortNoise;
        }

        JitterBufferSlot? earliest = FindEarliest();
        if (earliest is null)
        {
            return Underrun(output);
        }

        if (earliest.Timestamp - _playoutTimestamp > (long)_maximumFrames * _frameSpan)
        {
            // The sender jumped ahead (DTX, its own hold): carry on from its next packet.
            _playoutTimestamp = earliest.Timestamp;
            return PlaySlot(earliest, output);
        }

        Statistics.Lost++;
        JitterBufferSlot? next = Find(_playoutTimestamp + _frameSpan);
        ReadOnlySpan<byte> nextPayload = next is not null && next.PayloadType != _comfortNoisePayloadType
            ? next.Payload.AsSpan(0, next.Length)
            : ReadOnlySpan<byte>.Empty;
        bool recovered = _decoder.Conceal(nextPayload, output);
        _playoutTimestamp += _frameSpan;
        if (recovered)
        {
            Statistics.ForwardErrorCorrected++;
            return PlayoutFrameKind.ForwardErrorCorrected;
        }

        Statistics.Concealed++;
        return PlayoutFrameKind.Concealed;
    }

    private bool TryAnchor()
    {
        if (_count == 0)
        {
            return false;
        }

        _waitingFrames++;
        JitterBufferSlot earliest = FindEarliest()!;
        long buffered = (_highestTimestamp + _frameSpan - earliest.Timestamp) / _frameSpan;
        if (buffered < _targetFrames && _waitingFrames < _targetFrames)
        {
            return false;
        }

        _anchored = true;
        _playoutTimestamp = earliest.Timestamp;
        _waitingFrames = 0;
        _silentFrames = 0;
        _framesSinceShrink = 0;
        _consecutiveLate = 0;
        return true;
    }

    private PlayoutFrameKind Underrun(Span<short> output)
    {
        // Nothing later has arrived: the playout point waits, so the delay grows by this frame.
        _silentFrames++;
        if (_silentFrames > _holdFrames)
        {
            _anchored = false;
            _decoder.Reset();
            return PlaySilence(output);
        }

        if (_silentFrames > _concealmentFrames)
        {
            return PlaySilence(output);
        }

        _decoder.Conceal(ReadOnlySpan<byte>.Empty, output);
        Statistics.Concealed++;
        return PlayoutFrameKind.Concealed;
    }

    private PlayoutFrameKind PlaySilence(Span<short> output)
    {
        output.Clear();
        Statistics.Silence++;
        return PlayoutFrameKind.Silence;
    }

    private PlayoutFrameKind PlayStaged(Span<short> output)
    {
        int take = Math.Min(output.Length, _stagingCount);
        _staging.AsSpan(_stagingOffset, take).CopyTo(output);
        output.Slice(take).Clear();
        _stagingOffset += take;
        _stagingCount -= take;
        _playoutTimestamp += _frameSpan;
        Statistics.Decoded++;
        return PlayoutFrameKind.Decoded;
    }

    private PlayoutFrameKind PlaySlot(JitterBufferSlot slot, Span<short> output)
    {
        _silentFrames = 0;
        _consecutiveLate = 0;
        _played[slot.Sequence % PlayedHistory] = slot.Sequence;
        ReadOnlySpan<byte> payload = slot.Payload.AsSpan(0, slot.Length);
        if (slot.PayloadType == _comfortNoisePayloadType)
        {
            _comfortNoise = true;
            _comfortNoiseLevel = ComfortNoiseGenerator.ReadLevel(payload);
            Release(slot);
            _noise.Fill(output, _comfortNoiseLevel);
            Statistics.ComfortNoise++;
            _playoutTimestamp += _frameSpan;
            return PlayoutFrameKind.ComfortNoise;
        }

        _comfortNoise = false;
        int decoded = _decoder.Decode(payload, _staging);
        Release(slot);
        if (decoded <= 0)
        {
            Statistics.Lost++;
            Statistics.Concealed++;
            _decoder.Conceal(ReadOnlySpan<byte>.Empty, output);
            _playoutTimestamp += _frameSpan;
            return PlayoutFrameKind.Concealed;
        }

        _stagingOffset = 0;
        _stagingCount = decoded;
        return PlayStaged(output);
    }

    private void Shrink()
    {
        long buffered = BufferedFrames();
        if (buffered > _maximumFrames)
        {
            while (BufferedFrames() > _targetFrames)
            {
                DropPlayoutFrame();
            }

            _framesSinceShrink = 0;
            return;
        }

        if (buffered > _targetFrames + 2 && _framesSinceShrink >= FramesBetweenShrinks && Find(_playoutTimestamp) is not null)
        {
            DropPlayoutFrame();
            _framesSinceShrink = 0;
        }
    }

    private void DropPlayoutFrame()
    {
        if (Find(_playoutTimestamp) is { } slot)
        {
            Release(slot);
            Statistics.Discarded++;
        }

        _playoutTimestamp += _frameSpan;
    }

    private long BufferedFrames()
        => _anchored ? Math.Max(0, (_highestTimestamp + _frameSpan - _playoutTimestamp) / _frameSpan) : 0;

    private void NoteLate()
    {
        _consecutiveLate++;
        if (_consecutiveLate >= LateBeforeRestart)
        {
            // The sender's clock moved backwards (or restarted without a new SSRC): start playout again from what comes next.
            _anchored = false;
            _comfortNoise = false;
            _stagingCount = 0;
            _consecutiveLate = 0;
        }
    }

    private void UpdateDelay()
    {
        long frames = _anchored
            ? BufferedFrames()
            : (FindEarliest() is { } earliest ? (_highestTimestamp + _frameSpan - earliest.Timestamp) / _frameSpan : 0);
        Statistics.CurrentDelay = TimeSpan.FromMilliseconds(20 * frames);
        Statistics.TargetDelay = TimeSpan.FromMilliseconds(20 * _targetFrames);
    }
}
