using System;
using System.Globalization;
using System.Threading.Tasks;
using DkCloud.Emulator;
using Microsoft.Extensions.Logging;

var port = 5080;
var extraAgents = 0;
var stampPushes = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
    {
        port = value;
        i++;
    }
    else if (args[i] == "--agents" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 99_999)
    {
        extraAgents = count;
        i++;
    }
    else if (args[i] == "--stamp-pushes")
    {
        stampPushes = true;
    }
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("DkCloud.Emulator [--port N] [--agents N] [--stamp-pushes]");
        Console.WriteLine("  --port N     default 5080; 0 = any free port");
        Console.WriteLine("  --agents N   N extra ordinary agents 100001, 100002, ... each with the IP phone extension of the same number (password 123456)");
        Console.WriteLine("  --stamp-pushes  add data.emulatorSentAt (Stopwatch timestamp at send) to every push, for latency measurement");
        return 0;
    }
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.TimestampFormat = "HH:mm:ss.fff ";
    })
    .SetMinimumLevel(LogLevel.Information));

await using var emulator = await DkCloudEmulator.StartAsync(new EmulatorOptions { Port = port, LoggerFactory = loggerFactory, StampPushes = stampPushes });
for (var n = 1; n <= extraAgents; n++)
{
    var number = (100_000 + n).ToString(CultureInfo.InvariantCulture);
    emulator.AddAgent("10010010010", number);
    emulator.AddExtension("10010010010", number, "123456", 1);
}

Console.WriteLine($"Agent WebSocket: {emulator.AgentWebSocketUrl}");
Console.WriteLine($"Admin API:       {emulator.AdminUrl}");
Console.WriteLine($"Open API:        {emulator.BaseUrl}gw2/dky-open-api/version-2.0.0/placecall");
Console.WriteLine("Project 10010010010, token demo-token");
Console.WriteLine("Agents 1001 Alice (crmId abc123), 1002 Bob, 1003 Carol, monitor 9001 Mona");
if (extraAgents > 0)
{
    Console.WriteLine($"Extra agents 100001-{100_000 + extraAgents}, each with the IP phone extension of the same number");
}

Console.WriteLine("Extensions 1001/1002/1003/9001 IP phone, 2001-2003 WebRTC, password 123456; any 11-digit number as mobile");
Console.WriteLine("Customers: 999… blacklisted, 000… risk control, …486 busy, …480 no answer, others answer");
Console.WriteLine("Press Ctrl+C to stop.");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
return 0;
