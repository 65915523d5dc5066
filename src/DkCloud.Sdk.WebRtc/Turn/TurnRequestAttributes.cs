using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>Adds a request's own attributes (before USERNAME, REALM, NONCE and MESSAGE-INTEGRITY, which the client adds).</summary>
internal delegate void TurnRequestAttributes(ref StunMessageWriter writer);
