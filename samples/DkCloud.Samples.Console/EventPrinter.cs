using System;
using System.Reflection;
using System.Text.Json;
using DkCloud.Sdk;
using DkCloud.Sdk.Events;

namespace DkCloud.Samples.Console;

/// <summary>Prints every event of a client as it arrives, one colored line each.</summary>
internal static class EventPrinter
{
    private static readonly object Gate = new();
    private static readonly DateTime Start = DateTime.Now;

    public static void Attach(DkyClient client)
    {
        foreach (var field in typeof(EventNames).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = (string)field.GetValue(null)!;
            client.On(name, Print);
        }

        client.SessionEnded += (_, e) => Line(ConsoleColor.Magenta, "session", $"ended: {e.Reason} {e.Detail}");
        client.ProtocolError += (_, e) => Line(ConsoleColor.Red, "protocol", $"{e.Kind}: {e.Detail}");
        client.Wrapup += (_, e) => Line(ConsoleColor.DarkYellow, "wrap-up", e.RemainingSeconds == 0 ? "done, agent available" : $"{e.RemainingSeconds} s left");
    }

    public static void Note(string text) => Line(ConsoleColor.White, "sample", text);

    private static void Print(DkyEventArgs e)
    {
        var (color, summary) = e switch
        {
            RingEventArgs r => (ConsoleColor.Green, $"{r.Data?.CallLeg} leg rings, {r.Data?.Direction}, customer {r.Data?.CustomerTelNumber}, call {r.LinkedId}{Role(r)}"),
            AnswerEventArgs a => (ConsoleColor.Green, $"{a.Data?.CallLeg} leg answered, call {a.LinkedId}{Role(a)}"),
            HangupEventArgs h => (ConsoleColor.Green, $"{h.Data?.CallLeg} leg hung up ({h.Data?.DialStatus}), talked {h.Data?.Billsec ?? 0} s, wrap-up {h.Data?.WrapupTime ?? 0} s"),
            HoldEventArgs h => (ConsoleColor.Cyan, h.Mode == "hold" ? "call on hold" : "call resumed"),
            AgentStateEventArgs s => (ConsoleColor.Yellow, s.CurrentState is { } text ? $"state: {text}" : $"state set to {(s.State == 2 ? "idle" : "busy")} {s.Reason}"),
            ModeStateEventArgs m => (m.IsError ? ConsoleColor.Red : ConsoleColor.Yellow, $"{m.State}: {m.Description}"),
            _ => (ConsoleColor.Gray, Compact(e.Raw)),
        };
        Line(color, e.EventName, summary);
    }

    private static string Role(CallEventArgs e) => e.TransferRole == DkCloud.Sdk.Calls.TransferRole.None ? string.Empty : $", {e.TransferRole} of a transfer";

    private static string Compact(JsonElement raw)
    {
        var text = raw.ValueKind == JsonValueKind.Undefined ? string.Empty : raw.GetRawText();
        text = text.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", string.Empty, StringComparison.Ordinal);
        return text.Length > 160 ? text[..157] + "..." : text;
    }

    private static void Line(ConsoleColor color, string name, string text)
    {
        lock (Gate)
        {
            var elapsed = DateTime.Now - Start;
            System.Console.ForegroundColor = ConsoleColor.DarkGray;
            System.Console.Write($"{elapsed.TotalSeconds,7:0.000}s ");
            System.Console.ForegroundColor = color;
            System.Console.Write($"{name,-32} ");
            System.Console.ResetColor();
            System.Console.WriteLine(text);
        }
    }
}
