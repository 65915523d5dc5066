using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Srtp;

/// <summary>
/// SRTP/SRTCP for one direction of a session: the keys of one master key and salt, and per-SSRC state (rollover
/// counter, replay windows, SRTCP index) created on the first sent packet or the first authenticated received one.
/// </summary>
/// <remarks>
/// Use one context to protect outgoing packets and another to unprotect incoming ones (DTLS-SRTP gives each direction
/// its own master key). A context is not thread-safe; each is driven by one sender or one receive loop. Packets are
/// transformed in place and cost no allocation on .NET 8+. Replay windows and rollover counters move only after a
/// packet authenticated (RFC 3711 section 3.3), so a forged or damaged packet changes nothing but the counters.
/// MKIs and key derivation rates other than zero are not supported.
/// </remarks>
internal sealed class SrtpContext : IDisposable
{
    /// <summary>Default limit of SSRCs tracked per context.</summary>
    public const int DefaultMaxStreams = 64;

    private readonly ISrtpCipher _cipher;
    private readonly Dictionary<uint, SrtpStreamState> _streams = new Dictionary<uint, SrtpStreamState>();
    private readonly int _maxStreams;

    /// <summary>Creates a context from a master key and salt of the sizes <paramref name="profile"/> requires.</summary>
    /// <param name="profile">The protection profile.</param>
    /// <param name="masterKey">The master key.</param>
    /// <param name="masterSalt">The master salt.</param>
    /// <param name="maxStreams">Limit of SSRCs tracked.</param>
    /// <param name="implementation">Which code runs AES and HMAC-SHA1 for the AES-CM profiles; the output is the same.</param>
    /// <exception cref="PlatformNotSupportedException">A GCM profile was requested on netstandard2.0.</exception>
    public SrtpContext(
        SrtpProfile profile,
        ReadOnlySpan<byte> masterKey,
        ReadOnlySpan<byte> masterSalt,
        int maxStreams = DefaultMaxStreams,
        SrtpCryptoImplementation implementation = SrtpCryptoImplementation.Managed)
    {
        if (masterKey.Length != SrtpProfileInfo.KeyLength(profile))
        {
            throw new ArgumentException("The master key length does not match the profile.", nameof(masterKey));
        }

        if (masterSalt.Length != SrtpProfileInfo.SaltLength(profile))
        {
            throw new ArgumentException("The master salt length does not match the profile.", nameof(masterSalt));
        }

        if (maxStreams < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxStreams));
        }

        Profile = profile;
        _maxStreams = maxStreams;
        _cipher = CreateCipher(profile, masterKey, masterSalt, implementation);
    }

    /// <summary>The protection profile.</summary>
    public SrtpProfile Profile { get; }

    /// <summary>Packet counts, including drops.</summary>
    public SrtpCounters Counters { get; } = new SrtpCounters();

    /// <summary>Bytes <see cref="ProtectRtp"/> adds to a packet.</summary>
    public int RtpOverhead => _cipher.RtpTagLength;

    /// <summary>Bytes <see cref="ProtectRtcp"/> adds to a packet (E flag and index, and the tag).</summary>
    public int RtcpOverhead => 4 + _cipher.RtcpTagLength;

    /// <summary>The rollover counter of <paramref name="ssrc"/>, or null when the SSRC has no state yet.</summary>
    public uint? GetRolloverCounter(uint ssrc) => _streams.TryGetValue(ssrc, out SrtpStreamState? state) ? state.Roc : null;

    /// <summary>Encrypts and authenticates the RTP packet in <paramref name="buffer"/>[0..<paramref name="length"/>] in place.</summary>
    /// <param name="buffer">Holds the packet and has <see cref="RtpOverhead"/> spare bytes after it.</param>
    /// <param name="length">RTP packet length.</param>
    /// <param name="protectedLength">SRTP packet length.</param>
    public SrtpStatus ProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if (length > buffer.Length || !SrtpRtpHeader.TryGetLength(buffer.Slice(0, length), out int headerLength))
        {
            return Counters.Count(SrtpStatus.Malformed, protect: true);
        }

        if (buffer.Length - length < _cipher.RtpTagLength)
        {
            return SrtpStatus.BufferTooSmall;
        }

        uint ssrc = SrtpRtpHeader.Ssrc(buffer);
        ushort sequence = SrtpRtpHeader.Sequence(buffer);
        SrtpStreamState? state = GetOrCreate(ssrc);
        if (state is null)
        {
            return Counters.Count(SrtpStatus.TooManyStreams, protect: true);
        }

        long v = Math.Max(0, state.GuessRoc(sequence));
        _cipher.ProtectRtp(buffer, headerLength, length, ssrc, (uint)v, sequence);
        state.Advance(v, sequence);
        protectedLength = length + _cipher.RtpTagLength;
        return Counters.Count(SrtpStatus.Ok, protect: true);
    }

    /// <summary>Authenticates, replay-checks and decrypts an SRTP packet in place.</summary>
    /// <param name="packet">Exactly the received SRTP packet.</param>
    /// <param name="length">RTP packet length (the tag removed) when the result is <see cref="SrtpStatus.Ok"/>.</param>
    public SrtpStatus UnprotectRtp(Span<byte> packet, out int length)
    {
        length = 0;
        int tag = _cipher.RtpTagLength;
        if (packet.Length < 12 + tag || !SrtpRtpHeader.TryGetLength(packet.Slice(0, packet.Length - tag), out int headerLength))
        {
            return Counters.Count(SrtpStatus.Malformed, protect: false);
        }

        uint ssrc = SrtpRtpHeader.Ssrc(packet);
        ushort sequence = SrtpRtpHeader.Sequence(packet);
        _streams.TryGetValue(ssrc, out SrtpStreamState? state);
        long v = 0;
        if (state is null)
        {
            if (_streams.Count >= _maxStreams)
            {
                return Counters.Count(SrtpStatus.TooManyStreams, protect: false);
            }
        }
        else
        {
            v = state.GuessRoc(sequence);
            if (v < 0 || state.RtpWindow.Check(SrtpIndexEstimator.Index(v, sequence)) != SrtpReplayCheck.New)
            {
                return Counters.Count(SrtpStatus.Replayed, protect: false);
            }
        }

        if (!_cipher.UnprotectRtp(packet, headerLength, ssrc, (uint)v, sequence))
        {
            return Counters.Count(SrtpStatus.AuthenticationFailed, protect: false);
        }

        if (state is null)
        {
            state = new SrtpStreamState();
            _streams.Add(ssrc, state);
        }

        state.Advance(v, sequence);
        state.RtpWindow.Accept(SrtpIndexEstimator.Index(v, sequence));
        length = packet.Length - tag;
        return Counters.Count(SrtpStatus.Ok, protect: false);
    }

    /// <summary>Encrypts and authenticates the RTCP compound packet in <paramref name="buffer"/>[0..<paramref name="length"/>] in place.</summary>
    /// <param name="buffer">Holds the packet and has <see cref="RtcpOverhead"/> spare bytes after it.</param>
    /// <param name="length">RTCP packet length.</param>
    /// <param name="protectedLength">SRTCP packet length.</param>
    public SrtpStatus ProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if (length < 8 || length > buffer.Length || (buffer[0] >> 6) != 2)
        {
            return Counters.Count(SrtpStatus.Malformed, protect: true);
        }

        if (buffer.Length - length < RtcpOverhead)
        {
            return SrtpStatus.BufferTooSmall;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(4));
        SrtpStreamState? state = GetOrCreate(ssrc);
        if (state is null)
        {
            return Counters.Count(SrtpStatus.TooManyStreams, protect: true);
        }

        uint index = state.NextRtcpIndex;
        state.NextRtcpIndex = (index + 1) & 0x7FFFFFFFu;
        protectedLength = _cipher.ProtectRtcp(buffer, length, ssrc, index);
        return Counters.Count(SrtpStatus.Ok, protect: true);
    }

    /// <summary>Authenticates, replay-checks and decrypts an SRTCP packet in place.</summary>
    /// <param name="packet">Exactly the received SRTCP packet.</param>
    /// <param name="length">RTCP length when the result is <see cref="SrtpStatus.Ok"/>.</param>
    public SrtpStatus UnprotectRtcp(Span<byte> packet, out int length)
    {
        length = 0;
        int tag = _cipher.RtcpTagLength;
        if (packet.Length < 8 + 4 + tag || (packet[0] >> 6) != 2)
        {
            return Counters.Count(SrtpStatus.Malformed, protect: false);
        }

        int trailerOffset = _cipher.RtcpIndexFollowsTag ? packet.Length - 4 : packet.Length - tag - 4;
        uint trailer = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(trailerOffset));
        bool encrypted = (trailer & 0x80000000u) != 0;
        uint index = trailer & 0x7FFFFFFFu;
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4));
        _streams.TryGetValue(ssrc, out SrtpStreamState? state);
        if (state is null)
        {
            if (_streams.Count >= _maxStreams)
            {
                return Counters.Count(SrtpStatus.TooManyStreams, protect: false);
            }
        }
        else if (state.RtcpWindow.Check(index) != SrtpReplayCheck.New)
        {
            return Counters.Count(SrtpStatus.Replayed, protect: false);
        }

        int result = _cipher.UnprotectRtcp(packet, ssrc, index, encrypted);
        if (result < 0)
        {
            return Counters.Count(SrtpStatus.AuthenticationFailed, protect: false);
        }

        if (state is null)
        {
            state = new SrtpStreamState();
            _streams.Add(ssrc, state);
        }

        state.RtcpWindow.Accept(index);
        length = result;
        return Counters.Count(SrtpStatus.Ok, protect: false);
    }

    /// <inheritdoc />
    public void Dispose() => _cipher.Dispose();

    private static ISrtpCipher CreateCipher(
        SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, SrtpCryptoImplementation implementation)
    {
        if (!SrtpProfileInfo.IsAead(profile))
        {
            return new AesCmHmacSha1Cipher(profile, masterKey, masterSalt, implementation);
        }

#if NET8_0_OR_GREATER
        return new AesGcmCipher(profile, masterKey, masterSalt);
#else
        throw new PlatformNotSupportedException("AES-GCM SRTP profiles need .NET 8 or later.");
#endif
    }

    /// <summary>The sending state of <paramref name="ssrc"/>, created if there is room; null when the limit is reached.</summary>
    private SrtpStreamState? GetOrCreate(uint ssrc)
    {
        if (_streams.TryGetValue(ssrc, out SrtpStreamState? state))
        {
            return state;
        }

        if (_streams.Count >= _maxStreams)
        {
            return null;
        }

        state = new SrtpStreamState();
        _streams.Add(ssrc, state);
        return state;
    }
}
