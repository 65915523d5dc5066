using System;

namespace DkCloud.Emulator;

/// <summary>How an emulated customer (the far party of a call) behaves.</summary>
public sealed class CustomerBehavior
{
    /// <summary>How long the customer's phone rings before the customer answers an outbound call.</summary>
    public TimeSpan AnswerAfter { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>When set, the customer hangs up this long after the call is connected.</summary>
    public TimeSpan? HangupAfter { get; set; }

    /// <summary>The customer's line is busy: an outbound call ends at once with <c>dialCode</c> 486.</summary>
    public bool Busy { get; set; }

    /// <summary>The tone a customer with no <see cref="VoiceFile"/> plays to WebRTC agents: 1000 Hz unless set.</summary>
    public const double DefaultToneFrequency = 1000;

    /// <summary>What the customer says to a WebRTC agent: a steady tone of this frequency (Hz), unless <see cref="VoiceFile"/> is set.</summary>
    public double ToneFrequency { get; set; } = DefaultToneFrequency;

    /// <summary>A WAV file (16-bit PCM, mono or stereo, any rate) the customer plays, looped, instead of the tone.</summary>
    public string? VoiceFile { get; set; }

    /// <summary>Where to record, as 8 kHz WAV, what the customer hears from WebRTC agents; null records nothing.</summary>
    public string? RecordingPath { get; set; }

    /// <summary>The customer never answers: an outbound call rings until the ring timeout and ends with <c>dialCode</c> 480.</summary>
    public bool NoAnswer { get; set; }
}
