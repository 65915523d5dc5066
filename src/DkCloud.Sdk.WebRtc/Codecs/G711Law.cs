namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>The two G.711 companding laws.</summary>
internal enum G711Law
{
    /// <summary>mu-law, PCMU, static payload type 0.</summary>
    MuLaw,

    /// <summary>A-law, PCMA, static payload type 8.</summary>
    ALaw,
}
