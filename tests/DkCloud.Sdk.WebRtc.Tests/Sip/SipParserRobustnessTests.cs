using System;
using System.IO;
using System.Linq;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

/// <summary>Damaged messages must end in <see cref="SipParseException"/>, never in another exception.</summary>
public class SipParserRobustnessTests
{
    private static readonly byte[] Interesting = "\r\n \t:;,<>\"\\@?=%/0123456789*[]"u8.ToArray();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Vectors", "rfc4475"), "*.dat").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Mutated_vectors_fail_only_with_parse_exceptions(string file)
    {
        byte[] original = TestVectors.Rfc4475(file);
        var random = new Random(file.Length * 7919);
        for (int round = 0; round < 300; round++)
        {
            byte[] data = (byte[])original.Clone();
            int edits = 1 + random.Next(3);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(data.Length);
                data[at] = random.Next(4) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
            }

            Exercise(data);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Truncated_vectors_fail_only_with_parse_exceptions(string file)
    {
        byte[] original = TestVectors.Rfc4475(file);
        for (int length = 0; length < original.Length; length++)
        {
            Exercise(original.AsSpan(0, length).ToArray());
        }
    }

    private static void Exercise(byte[] data)
    {
        try
        {
            SipMessage message = SipMessage.Parse(data);
            _ = message.MethodName;
            _ = message.RequestUri;
            _ = message.ReasonPhrase;
            _ = message.CallId;
            _ = message.CSeq;
            _ = message.From.Uri;
            _ = message.To.Tag;
            _ = message.Vias.Count;
            _ = message.Contacts.Count;
            _ = message.Routes.Count;
            _ = message.RecordRoutes.Count;
            _ = message.MaxForwards;
            _ = message.Expires;
            _ = message.Allow.Count;
            _ = message.Supported.Count;
            _ = SipOutgoingMessage.From(message).ToArray();
            try
            {
                _ = message.WwwAuthenticate.Count;
                _ = message.ProxyAuthenticate.Count;
            }
            catch (SipParseException exception) when (exception.Reason == SipRejectReason.InvalidAuthentication)
            {
                // Challenges are parsed on demand only; a damaged one is reported when asked for.
            }
        }
        catch (SipParseException)
        {
            // Rejected with a reason: what we want.
        }
    }
}
