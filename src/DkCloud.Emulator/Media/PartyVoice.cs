namespace DkCloud.Emulator.Media;

/// <summary>A simulated talker: a tone, or a WAV file when one is given.</summary>
internal sealed record PartyVoice(string Party, double ToneFrequency, string? VoiceFile);
