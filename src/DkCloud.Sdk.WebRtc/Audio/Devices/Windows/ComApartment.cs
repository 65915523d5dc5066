using System;
using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// Keeps the provider's COM objects in the multithreaded apartment: work asked for on a single-threaded apartment
/// thread (a WPF or WinForms UI thread) runs on a thread-pool thread instead, so the endpoint enumerator and audio
/// clients are never bound to a UI thread that must pump messages for the device threads to reach them.
/// </summary>
internal static class ComApartment
{
    /// <summary>Runs <paramref name="work"/> in the multithreaded apartment and returns its result.</summary>
    public static T Run<T>(Func<T> work)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        return Thread.CurrentThread.GetApartmentState() == ApartmentState.STA
            ? Task.Run(work).GetAwaiter().GetResult()
            : work();
    }

    /// <summary>Runs <paramref name="work"/> in the multithreaded apartment.</summary>
    public static void Run(Action work)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        if (Thread.CurrentThread.GetApartmentState() == ApartmentState.STA)
        {
            Task.Run(work).GetAwaiter().GetResult();
        }
        else
        {
            work();
        }
    }
}
