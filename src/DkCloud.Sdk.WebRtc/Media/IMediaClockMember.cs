namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Something the shared <see cref="MediaClock"/> ticks every frame interval (a media session).</summary>
internal interface IMediaClockMember
{
    /// <summary>
    /// Runs the work due by tick <paramref name="tick"/> of the clock. Ticks are numbered from the clock's start and
    /// may skip numbers when the clock fell behind; a member works out from the number how many frames are due. Runs on
    /// the clock's thread next to every other member's tick, so it must not block.
    /// </summary>
    void OnTick(long tick);
}
