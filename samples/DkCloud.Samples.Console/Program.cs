using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Samples.Console;

using var stop = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var settings = SampleSettings.Parse(args, Environment.GetEnvironmentVariable);
if (settings.ShowHelp)
{
    SampleSettings.PrintHelp();
    return 0;
}

try
{
    return settings.UseEmulator
        ? await ScriptedDay.RunAsync(settings, stop.Token)
        : await LiveSession.RunAsync(settings, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}
catch (Exception ex) when (ex is DkCloud.Sdk.DkyException or OperationCanceledException or TimeoutException)
{
    EventPrinter.Note("failed: " + ex.Message);
    return 1;
}
