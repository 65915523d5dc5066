using System;

namespace DkCloud.Emulator.Core;

/// <summary>Holds the core's lock; on dispose, sends what was queued meanwhile and releases the lock.</summary>
internal readonly struct AtomicScope : IDisposable
{
    private readonly EmulatorCore _core;

    public AtomicScope(EmulatorCore core) => _core = core;

    public void Dispose() => _core.EndAtomic();
}
