using System;

namespace DkCloud.Sdk.WebRtc.Sip.Registration;

/// <summary>Settings of a registration.</summary>
internal sealed class SipRegistrationOptions
{
    /// <summary>Creates options.</summary>
    public SipRegistrationOptions(SipUri registrar, SipUri addressOfRecord, DigestCredentials credentials)
    {
        Registrar = registrar ?? throw new ArgumentNullException(nameof(registrar));
        AddressOfRecord = addressOfRecord ?? throw new ArgumentNullException(nameof(addressOfRecord));
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>The Request-URI of REGISTER, e.g. <c>sip:dkcloud.test</c>.</summary>
    public SipUri Registrar { get; }

    /// <summary>The address of record (To and From), e.g. <c>sip:1001@dkcloud.test</c>.</summary>
    public SipUri AddressOfRecord { get; }

    /// <summary>The digest account.</summary>
    public DigestCredentials Credentials { get; }

    /// <summary>The requested expiry: 600 s (as JsSIP).</summary>
    public int Expires { get; set; } = 600;

    /// <summary>How long before expiry the refresh is sent: 30 s, at most half the granted expiry.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before a failed refresh is tried again: 30 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
