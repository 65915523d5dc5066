using System;
using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Sip;

namespace DkCloud.Benchmarks;

/// <summary>SIP over WebSocket and SDP for one INVITE with an audio offer (webrtc-invite.sip).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class SignalingBenchmarks
{
    private byte[] _invite = [];
    private string _sdp = string.Empty;
    private SipOutgoingMessage _outgoing = null!;
    private readonly ArrayBufferWriter<byte> _output = new(2048);

    [GlobalSetup]
    public void Setup()
    {
        _invite = Payloads.Read(Payloads.WebRtcInvite);
        var parsed = SipMessage.Parse(_invite);
        _sdp = Encoding.UTF8.GetString(parsed.Body.Span);
        _outgoing = SipOutgoingMessage.From(parsed);
    }

    /// <summary>The parse a received message always gets: start line, header table, body bounds.</summary>
    [Benchmark(Baseline = true)]
    public int SipParse() => SipMessage.Parse(_invite).HeaderCount;

    /// <summary>Framing alone (start line, header lines, body bounds) with a handler that keeps and checks nothing: the
    /// part of <see cref="SipParse"/> that is not header validation or the header table.</summary>
    [Benchmark]
    public int SipFramingOnly()
    {
        var handler = new CountingHandler();
        return SipParser.Parse(_invite, ref handler, SipParserLimits.Default) + handler.Headers;
    }

    /// <summary>Parse plus the headers a user agent reads from every INVITE: Via, From, To, Call-ID, CSeq, Contact.</summary>
    [Benchmark]
    public int SipParseAndReadDialogHeaders()
    {
        var message = SipMessage.Parse(_invite);
        return message.Vias.Count + message.From.GetHashCode() + message.To.GetHashCode() + message.CallId.Length
            + message.CSeq.Number.GetHashCode() + message.Contacts.Count;
    }

    /// <summary>Writing the same INVITE (start line, 12 headers, computed Content-Length, body) to a reused buffer.</summary>
    [Benchmark]
    public int SipSerialize()
    {
        _output.ResetWrittenCount();
        _outgoing.WriteTo(_output);
        return _output.WrittenCount;
    }

    /// <summary>Writing it to a new array, as a transport that keeps the bytes would.</summary>
    [Benchmark]
    public byte[] SipSerializeToArray() => _outgoing.ToArray();

    /// <summary>The SDP offer of the INVITE into the session description model.</summary>
    [Benchmark]
    public object SdpParse() => SdpParser.Parse(_sdp);

    private struct CountingHandler : ISipMessageHandler
    {
        public int Headers;

        public void OnRequestLine(SipMethod method, SipSegment methodToken, SipSegment requestUri)
        {
        }

        public void OnStatusLine(int statusCode, SipSegment reasonPhrase)
        {
        }

        public void OnHeader(SipHeaderName name, SipSegment nameToken, SipSegment value, ReadOnlySpan<byte> message) => Headers++;

        public void OnHeadersComplete(SipSegment body)
        {
        }
    }
}
