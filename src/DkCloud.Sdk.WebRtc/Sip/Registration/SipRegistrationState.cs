namespace DkCloud.Sdk.WebRtc.Sip.Registration;

/// <summary>Where a registration stands.</summary>
internal enum SipRegistrationState
{
    /// <summary>Not registered (initial, or after unregistering).</summary>
    Unregistered,
    /// <summary>A REGISTER is in flight (first one, refresh or after a reconnect).</summary>
    Registering,
    /// <summary>The registrar accepted the binding; a refresh is scheduled.</summary>
    Registered,
    /// <summary>A REGISTER with Expires 0 is in flight.</summary>
    Unregistering,
    /// <summary>The last REGISTER failed; <see cref="SipRegistrationStateChangedEventArgs.Error"/> says why.</summary>
    Failed,
}
