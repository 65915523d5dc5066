namespace DkCloud.Sdk.WebRtc.Quality;

/// <summary>Hysteresis of one warning: raised at k bad samples within the last n, cleared after m good ones in a row.</summary>
internal sealed class WarningTracker
{
    private readonly bool[] _window;
    private readonly int _raiseAfter;
    private readonly int _clearAfter;
    private int _next;
    private int _bad;
    private int _goodInARow;

    /// <summary>Creates a tracker.</summary>
    public WarningTracker(int window, int raiseAfter, int clearAfter)
    {
        _window = new bool[System.Math.Max(1, window)];
        _raiseAfter = System.Math.Max(1, System.Math.Min(raiseAfter, _window.Length));
        _clearAfter = System.Math.Max(1, clearAfter);
    }

    /// <summary>True while the warning is raised.</summary>
    public bool IsRaised { get; private set; }

    /// <summary>Adds one sample's verdict; returns +1 when the warning is raised now, -1 when cleared now, 0 otherwise.</summary>
    public int Add(bool bad)
    {
        if (_window[_next])
        {
            _bad--;
        }

        _window[_next] = bad;
        _next = (_next + 1) % _window.Length;
        if (bad)
        {
            _bad++;
            _goodInARow = 0;
        }
        else
        {
            _goodInARow++;
        }

        if (!IsRaised && _bad >= _raiseAfter)
        {
            IsRaised = true;
            return 1;
        }

        if (IsRaised && _goodInARow >= _clearAfter)
        {
            IsRaised = false;
            System.Array.Clear(_window, 0, _window.Length);
            _bad = 0;
            return -1;
        }

        return 0;
    }
}
