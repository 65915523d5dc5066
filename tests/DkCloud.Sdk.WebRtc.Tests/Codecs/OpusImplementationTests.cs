using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Integration;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Codecs;

/// <summary>Native libopus and the managed Concentus codec: how one is chosen, and that they understand each other.</summary>
[Collection(OpusPreferenceCollection.Name)]
public class OpusImplementationTests
{
    [Fact]
    public void ManagedCanBeForced()
    {
        bool before = OpusCodec.PreferNative;
        try
        {
            OpusCodec.PreferNative = false;

            Assert.Equal(OpusImplementation.Managed, OpusCodec.Implementation);
            Assert.StartsWith("managed Concentus", OpusCodec.Describe(), StringComparison.Ordinal);
            var encoder = Assert.IsType<OpusAudioEncoder>(AudioCodecFactory.CreateEncoder("opus", "useinbandfec=1"));
            var decoder = Assert.IsType<OpusAudioDecoder>(AudioCodecFactory.CreateDecoder("opus"));
            Assert.Equal(OpusImplementation.Managed, encoder.Implementation);
            Assert.Equal(OpusImplementation.Managed, decoder.Implementation);
            Assert.Null(encoder.GetNative(OpusNative.GetComplexity));
            Assert.Equal(48, TonePresentFrames(encoder, decoder));
        }
        finally
        {
            OpusCodec.PreferNative = before;
        }
    }

    [Fact]
    public void NativeIsChosenWhereTheSystemHasLibopus()
    {
        Assert.True(OpusCodec.PreferNative);
        if (OpusCodec.IsNativeAvailable)
        {
            Assert.Equal(OpusImplementation.Native, OpusCodec.Implementation);
            Assert.StartsWith("libopus ", OpusCodec.NativeVersion, StringComparison.Ordinal);
            Assert.Null(OpusCodec.NativeLoadFailure);
            Assert.StartsWith("native libopus ", OpusCodec.Describe(), StringComparison.Ordinal);
            Assert.Equal(OpusImplementation.Native, Assert.IsType<OpusAudioEncoder>(AudioCodecFactory.CreateEncoder("opus")).Implementation);
            Assert.Equal(OpusImplementation.Native, Assert.IsType<OpusAudioDecoder>(AudioCodecFactory.CreateDecoder("opus")).Implementation);
        }
        else
        {
            // Only the distributions' runtime package may be there (no libopus.so): it must still be found.
            Assert.Null(SystemLibopus());
            Assert.Equal(OpusImplementation.Managed, OpusCodec.Implementation);
            Assert.NotNull(OpusCodec.NativeLoadFailure);
            Assert.Contains(OpusCodec.NativeLoadFailure!, OpusCodec.Describe(), StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => new OpusAudioEncoder(new OpusParameters(), implementation: OpusImplementation.Native));
            Assert.Throws<InvalidOperationException>(() => new OpusAudioDecoder(OpusImplementation.Native));
        }
    }

    [Theory]
    [InlineData(OpusImplementation.Managed, OpusImplementation.Native)]
    [InlineData(OpusImplementation.Native, OpusImplementation.Managed)]
    [InlineData(OpusImplementation.Native, OpusImplementation.Native)]
    public void NativeAndManagedUnderstandEachOther(OpusImplementation encoder, OpusImplementation decoder)
    {
        Assert.Equal(48, TonePresentFrames(new OpusAudioEncoder(new OpusParameters(), implementation: encoder), new OpusAudioDecoder(decoder)));
    }

    [Fact]
    public void ManagedToManagedKeepsTheTone()
    {
        Assert.Equal(48, TonePresentFrames(new OpusAudioEncoder(new OpusParameters(), implementation: OpusImplementation.Managed), new OpusAudioDecoder(OpusImplementation.Managed)));
    }

    [Fact]
    public void NativeEncoderTakesTheNegotiatedSettings()
    {
        var parameters = OpusParameters.Parse("useinbandfec=1;usedtx=1;maxaveragebitrate=20000;maxplaybackrate=16000");
        using var encoder = new OpusAudioEncoder(parameters, expectedLossPercent: 15, implementation: OpusImplementation.Native);

        Assert.Equal(20000, encoder.GetNative(OpusNative.GetBitrate));
        Assert.Equal(1, encoder.GetNative(OpusNative.GetInbandFec));
        Assert.Equal(15, encoder.GetNative(OpusNative.GetPacketLossPercent));
        Assert.Equal(1, encoder.GetNative(OpusNative.GetDtx));
        Assert.Equal(OpusNative.SignalVoice, encoder.GetNative(OpusNative.GetSignal));
        Assert.Equal(OpusNative.BandwidthNarrowband + 2, encoder.GetNative(OpusNative.GetMaxBandwidth));
        Assert.Equal(OpusAudioEncoder.DefaultComplexity, encoder.GetNative(OpusNative.GetComplexity));
        using var complex = new OpusAudioEncoder(parameters, implementation: OpusImplementation.Native, complexity: 9);
        Assert.Equal(9, complex.GetNative(OpusNative.GetComplexity));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void InvalidPayloadDecodesToNothing(OpusImplementation implementation)
    {
        var decoder = new OpusAudioDecoder(implementation);
        var pcm = new short[5760];

        // TOC code 3 with a frame count of 0: not a valid Opus packet (RFC 6716 §3.2.5).
        Assert.Equal(0, decoder.Decode(new byte[] { 0x03, 0x00 }, pcm));
        Assert.Equal(0, decoder.Decode(ReadOnlySpan<byte>.Empty, pcm));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void ConcealmentAndResetWork(OpusImplementation implementation)
    {
        var encoder = new OpusAudioEncoder(new OpusParameters(), expectedLossPercent: 20, implementation: implementation);
        var decoder = new OpusAudioDecoder(implementation);
        var frame = new short[960];
        var pcm = new short[5760];
        var payload = new byte[1275];
        new ToneGenerator(1000, 48000).Fill(frame);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(960, decoder.Decode(payload.AsSpan(0, encoder.Encode(frame, payload)), pcm));
        }

        Assert.True(decoder.Conceal(payload.AsSpan(0, encoder.Encode(frame, payload)), pcm));
        Assert.False(decoder.Conceal(ReadOnlySpan<byte>.Empty, pcm));
        decoder.Reset();
        Assert.Equal(960, decoder.Decode(payload.AsSpan(0, encoder.Encode(frame, payload)), pcm));
    }

    [Fact]
    public void DisposedNativeCodecsRefuseWork()
    {
        var encoder = new OpusAudioEncoder(new OpusParameters(), implementation: OpusImplementation.Native);
        var decoder = new OpusAudioDecoder(OpusImplementation.Native);
        encoder.Dispose();
        decoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(new short[960], new byte[1275]));
        Assert.Throws<ObjectDisposedException>(() => decoder.Decode(new byte[] { 0xF8, 0xFF, 0xFE }, new short[960]));
    }

    [Fact]
    public async Task TheSoftphoneFactoryLogsTheImplementation()
    {
        var logs = new CapturingLoggerFactory();
        var factory = new WebRtcSoftphoneFactory { LoggerFactory = logs };

        await using (await factory.CreateAsync(new SoftphoneRegistration { Host = "127.0.0.1", Port = "9", ExtensionNumber = "1001", Password = "x" }, CancellationToken.None))
        {
        }

        (LogLevel level, string message) = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Information, level);
        Assert.Equal("Opus for WebRTC calls: " + OpusCodec.Describe(), message);
    }

    public static TheoryData<OpusImplementation> Implementations()
    {
        var data = new TheoryData<OpusImplementation> { OpusImplementation.Managed };
        if (OpusCodec.IsNativeAvailable)
        {
            data.Add(OpusImplementation.Native);
        }

        return data;
    }

    /// <summary>Sends 50 frames of a 1 kHz tone through; returns in how many of the last 48 decoded frames it is present.</summary>
    private static int TonePresentFrames(OpusAudioEncoder encoder, OpusAudioDecoder decoder)
    {
        var generator = new ToneGenerator(1000, 48000);
        var detector = new ToneDetector(1000, 48000, minimumDbfs: -10, minimumShareOfPower: 0.9);
        var frame = new short[960];
        var decoded = new short[5760];
        var payload = new byte[1275];
        int present = 0;
        for (int i = 0; i < 50; i++)
        {
            generator.Fill(frame);
            int length = encoder.Encode(frame, payload);
            Assert.InRange(length, 3, 1275);
            Assert.Equal(960, decoder.Decode(payload.AsSpan(0, length), decoded));
            if (i >= 2 && detector.IsPresent(decoded.AsSpan(0, 960)))
            {
                present++;
            }
        }

        return present;
    }

    /// <summary>A libopus.so.0 (an ELF shared library) in the usual Linux library directories, or null.</summary>
    private static string? SystemLibopus()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return null;
        }

        string[] roots = ["/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib"];
        return roots
            .Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateDirectories(root, "*-linux-gnu*").Prepend(root))
            .Select(directory => Path.Combine(directory, "libopus.so.0"))
            .FirstOrDefault(IsElf);
    }

    private static bool IsElf(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var magic = new byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic, 0, 4) == 4 && magic.AsSpan().SequenceEqual("\u007fELF"u8);
    }
}

/// <summary>Tests that change <see cref="OpusCodec.PreferNative"/>, which every Opus codec made meanwhile would see.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpusPreferenceCollection
{
    public const string Name = "Opus implementation preference";
}

internal sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Entries.Enqueue((logLevel, formatter(state, exception)));
}
