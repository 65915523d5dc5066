using System;

namespace DkCloud.Sdk.WebRtc.Sip.Registration;

/// <summary>A registration changed state.</summary>
internal sealed class SipRegistrationStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public SipRegistrationStateChangedEventArgs(SipRegistrationState state, int expires, SipException? error)
    {
        State = state;
        Expires = expires;
        Error = error;
    }

    /// <summary>The new state.</summary>
    public SipRegistrationState State { get; }

    /// <summary>The expiry the registrar granted, in seconds (0 unless registered).</summary>
    public int Expires { get; }

    /// <summary>Why it failed (state <see cref="SipRegistrationState.Failed"/>).</summary>
    public SipException? Error { get; }
}
