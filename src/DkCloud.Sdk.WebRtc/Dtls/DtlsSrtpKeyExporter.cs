using System;
using DkCloud.Sdk.WebRtc.Srtp;
using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// Exports SRTP keying material from a finished handshake (RFC 5764 section 4.2): the exporter label
/// <c>EXTRACTOR-dtls_srtp</c> gives client_write_key | server_write_key | client_write_salt | server_write_salt.
/// </summary>
internal static class DtlsSrtpKeyExporter
{
    /// <summary>The RFC 5705 exporter label of DTLS-SRTP.</summary>
    public const string Label = "EXTRACTOR-dtls_srtp";

    /// <summary>Splits the exported material into this endpoint's and the peer's key and salt.</summary>
    public static DtlsSrtpKeys Export(TlsContext context, SrtpProfile profile, DtlsFingerprint remoteFingerprint)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        int keyLength = SrtpProfileInfo.KeyLength(profile);
        int saltLength = SrtpProfileInfo.SaltLength(profile);
        byte[] material = context.ExportKeyingMaterial(Label, null, 2 * (keyLength + saltLength));
        byte[] clientKey = Slice(material, 0, keyLength);
        byte[] serverKey = Slice(material, keyLength, keyLength);
        byte[] clientSalt = Slice(material, 2 * keyLength, saltLength);
        byte[] serverSalt = Slice(material, (2 * keyLength) + saltLength, saltLength);
        Array.Clear(material, 0, material.Length);
        SecurityParameters parameters = context.SecurityParameters;
        return context.IsServer
            ? new DtlsSrtpKeys(profile, serverKey, serverSalt, clientKey, clientSalt, remoteFingerprint, parameters.IsExtendedMasterSecret, parameters.CipherSuite)
            : new DtlsSrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt, remoteFingerprint, parameters.IsExtendedMasterSecret, parameters.CipherSuite);
    }

    private static byte[] Slice(byte[] source, int offset, int length)
    {
        var result = new byte[length];
        Buffer.BlockCopy(source, offset, result, 0, length);
        return result;
    }
}
