using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Integration;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>A WebRTC agent of the emulator's demo project: a <see cref="DkyClient"/> whose softphone speaks a tone and listens.</summary>
internal sealed class WebRtcAgent : IAsyncDisposable
{
    public const string ProjectId = "10010010010";

    private WebRtcAgent(DkyClient client, ListeningSink ear, WebRtcSoftphoneFactory factory)
    {
        Client = client;
        Ear = ear;
        Factory = factory;
        client.On("dky:reconnect", e => Events.Enqueue(e.EventName + ":" + ((Events.ReconnectEventArgs)e).Type + ":" + ((Events.ReconnectEventArgs)e).State));
        client.On("dky:weakSignalDetection", e => Events.Enqueue(e.EventName + ":" + ((Events.WeakSignalDetectionEventArgs)e).State));
        client.On("dky:ring", e => Events.Enqueue(e.EventName));
        client.On("dky:hangup", e => Events.Enqueue(e.EventName));
    }

    public DkyClient Client { get; }

    public ListeningSink Ear { get; }

    /// <summary>The device the ring tone plays on.</summary>
    public ListeningSink Ringer { get; private init; } = new();

    /// <summary>The device the keypad tones of sent digits play on.</summary>
    public KeypadListener Keypad { get; private init; } = new();

    public WebRtcSoftphoneFactory Factory { get; }

    public ConcurrentQueue<string> Events { get; } = new();

    public static async Task<WebRtcAgent> LogInAsync(DkCloudEmulator emulator, string agentNumber, string extension, double voice)
    {
        var ear = new ListeningSink(Integration.PromptPlayer.AnswerBeep, Integration.PromptPlayer.HangupBeep);
        var ringer = new ListeningSink(Integration.Ringer.Frequency);
        var keypad = new KeypadListener();
        var factory = new WebRtcSoftphoneFactory { Microphone = new ToneSource(voice, 8000, 0.3), Speaker = ear, Ringer = ringer, Keypad = keypad };
        var client = new DkyClient(new DkyOptions
        {
            ProjectId = ProjectId,
            AgentNumber = agentNumber,
            Token = "demo-token",
            InitType = ExtensionType.WebRtc,
            ExtensionNumber = extension,
            ExtensionPassword = "123456",
            AgentWebSocketUrl = emulator.AgentWebSocketUrl,
            ExtensionGracePeriod = TimeSpan.FromMilliseconds(100),
            Softphone = factory,
        });
        var agent = new WebRtcAgent(client, ear, factory) { Ringer = ringer, Keypad = keypad };
        await client.InitAsync();
        return agent;
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
