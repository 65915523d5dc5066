namespace DkCloud.Sdk.Models;

/// <summary>How a monitor joins an agent's call (<c>chanspy</c> <c>mode</c>).</summary>
public enum ChanspyMode
{
    /// <summary>0: whisper: only the agent hears the monitor (耳语).</summary>
    Whisper = 0,

    /// <summary>1: listen: nobody hears the monitor (监听).</summary>
    Listen = 1,

    /// <summary>2: barge in: everybody hears the monitor (强插).</summary>
    BargeIn = 2,

    /// <summary>3: listen to a three-way call (监听三方).</summary>
    ListenThreeWay = 3,
}
