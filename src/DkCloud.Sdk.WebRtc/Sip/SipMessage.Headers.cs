using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Typed header accessors. Each call parses the header from the stored bytes.</summary>
internal sealed partial class SipMessage
{
    /// <summary>The Call-ID.</summary>
    public string CallId => GetHeaderValue(SipHeaderName.CallId)!;

    /// <summary>The CSeq number and method.</summary>
    public SipCSeq CSeq
    {
        get
        {
            var reader = Reader(IndexOf(SipHeaderName.CSeq));
            SipHeaderValidator.ReadCSeq(ref reader, out uint number, out SipSegment method);
            return new SipCSeq(number, SipSyntax.GetString(method.Slice(Data.Span)));
        }
    }

    /// <summary>The From header.</summary>
    public SipNameAddress From => ReadSingleAddress(SipHeaderName.From);

    /// <summary>The To header.</summary>
    public SipNameAddress To => ReadSingleAddress(SipHeaderName.To);

    /// <summary>Every via-parm, top first, across all Via header lines.</summary>
    public IReadOnlyList<SipVia> Vias
    {
        get
        {
            var result = new List<SipVia>();
            for (int i = 0; i < _headers.Length; i++)
            {
                if (_headers[i].Name == SipHeaderName.Via)
                {
                    var reader = Reader(i);
                    do
                    {
                        result.Add(SipVia.Read(ref reader));
                    }
                    while (SipHeaderGrammar.NextListElement(ref reader, SipRejectReason.InvalidVia));
                }
            }

            return result;
        }
    }

    /// <summary>Every Contact value across all Contact header lines.</summary>
    public IReadOnlyList<SipContact> Contacts
    {
        get
        {
            var result = new List<SipContact>();
            for (int i = 0; i < _headers.Length; i++)
            {
                if (_headers[i].Name != SipHeaderName.Contact)
                {
                    continue;
                }

                var reader = Reader(i);
                reader.SkipLws();
                if (reader.TryRead((byte)'*'))
                {
                    result.Add(new SipContact(null));
                    continue;
                }

                do
                {
                    result.Add(new SipContact(SipNameAddress.Read(ref reader, allowAddrSpec: true, inList: true)));
                }
                while (SipHeaderGrammar.NextListElement(ref reader, SipRejectReason.InvalidNameAddress));
            }

            return result;
        }
    }

    /// <summary>Route values in order.</summary>
    public IReadOnlyList<SipNameAddress> Routes => ReadAddressList(SipHeaderName.Route);

    /// <summary>Record-Route values in order.</summary>
    public IReadOnlyList<SipNameAddress> RecordRoutes => ReadAddressList(SipHeaderName.RecordRoute);

    /// <summary>Max-Forwards, when present.</summary>
    public int? MaxForwards => ReadNumber(SipHeaderName.MaxForwards) is ulong value ? (int)value : null;

    /// <summary>Expires in seconds, when present.</summary>
    public long? Expires => ReadNumber(SipHeaderName.Expires) is ulong value ? (long)value : null;

    /// <summary>Content-Type, when present (e.g. <c>application/sdp</c>).</summary>
    public string? ContentType => GetHeaderValue(SipHeaderName.ContentType);

    /// <summary>The body length, which equals Content-Length when the header is present.</summary>
    public int ContentLength => _body.Length;

    /// <summary>Methods from every Allow header.</summary>
    public IReadOnlyList<string> Allow => ReadTokenList(SipHeaderName.Allow);

    /// <summary>Option tags from every Supported header.</summary>
    public IReadOnlyList<string> Supported => ReadTokenList(SipHeaderName.Supported);

    /// <summary>Option tags from every Require header.</summary>
    public IReadOnlyList<string> Require => ReadTokenList(SipHeaderName.Require);

    /// <summary>The challenges of every WWW-Authenticate header.</summary>
    public IReadOnlyList<SipAuthChallenge> WwwAuthenticate => ReadChallenges(SipHeaderName.WwwAuthenticate);

    /// <summary>The challenges of every Proxy-Authenticate header.</summary>
    public IReadOnlyList<SipAuthChallenge> ProxyAuthenticate => ReadChallenges(SipHeaderName.ProxyAuthenticate);

    private SipValueReader Reader(int index) => new(Data.Span, _headers[index].Value);

    private SipNameAddress ReadSingleAddress(SipHeaderName name)
    {
        var reader = Reader(IndexOf(name));
        return SipNameAddress.Read(ref reader, allowAddrSpec: true, inList: false);
    }

    private List<SipNameAddress> ReadAddressList(SipHeaderName name)
    {
        var result = new List<SipNameAddress>();
        for (int i = 0; i < _headers.Length; i++)
        {
            if (_headers[i].Name == name)
            {
                var reader = Reader(i);
                do
                {
                    result.Add(SipNameAddress.Read(ref reader, allowAddrSpec: false, inList: true));
                }
                while (SipHeaderGrammar.NextListElement(ref reader, SipRejectReason.InvalidNameAddress));
            }
        }

        return result;
    }

    private ulong? ReadNumber(SipHeaderName name)
    {
        int index = IndexOf(name);
        return index >= 0 && SipSyntax.TryParseDigits(_headers[index].Value.Slice(Data.Span), uint.MaxValue, out ulong value) ? value : null;
    }

    private List<string> ReadTokenList(SipHeaderName name)
    {
        var result = new List<string>();
        ReadOnlySpan<byte> message = Data.Span;
        for (int i = 0; i < _headers.Length; i++)
        {
            if (_headers[i].Name != name)
            {
                continue;
            }

            ReadOnlySpan<byte> value = _headers[i].Value.Slice(message);
            while (!value.IsEmpty)
            {
                int comma = value.IndexOf((byte)',');
                ReadOnlySpan<byte> item = SipSyntax.TrimLws(comma < 0 ? value : value.Slice(0, comma));
                if (!item.IsEmpty)
                {
                    result.Add(SipSyntax.GetString(item));
                }

                value = comma < 0 ? default : value.Slice(comma + 1);
            }
        }

        return result;
    }

    private List<SipAuthChallenge> ReadChallenges(SipHeaderName name)
    {
        var result = new List<SipAuthChallenge>();
        for (int i = 0; i < _headers.Length; i++)
        {
            if (_headers[i].Name == name)
            {
                result.Add(SipAuthChallenge.Parse(_headers[i].Value.Slice(Data.Span)));
            }
        }

        return result;
    }
}
