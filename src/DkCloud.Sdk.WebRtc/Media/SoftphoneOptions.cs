using System;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Settings of a <see cref="Softphone"/>.</summary>
internal sealed class SoftphoneOptions
{
    /// <summary>Creates the settings of an account.</summary>
    public SoftphoneOptions(Uri serverUri, string domain, string user, string password)
    {
        ServerUri = serverUri ?? throw new ArgumentNullException(nameof(serverUri));
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
        User = user ?? throw new ArgumentNullException(nameof(user));
        Password = password ?? throw new ArgumentNullException(nameof(password));
    }

    /// <summary>The SIP-over-WebSocket server (<c>ws://</c> or <c>wss://</c>).</summary>
    public Uri ServerUri { get; }

    /// <summary>The SIP domain (and digest realm).</summary>
    public string Domain { get; }

    /// <summary>The SIP user.</summary>
    public string User { get; }

    /// <summary>The digest password.</summary>
    public string Password { get; }

    /// <summary>Answers every incoming call as soon as it rings.</summary>
    public bool AutoAnswer { get; set; }

    /// <summary>Makes the media settings of each new call (source, sink, address filter).</summary>
    public Func<MediaSessionOptions> MediaOptions { get; set; } = () => new MediaSessionOptions();

    /// <summary>Lets the user agent probe the server with OPTIONS.</summary>
    public bool OptionsProbes { get; set; }

    /// <summary>The clock of SIP timers and media pacing.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
