using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace DkCloud.Emulator.State;

/// <summary>A call with its customer leg and agent legs. Guarded by the core's lock.</summary>
internal sealed class CallSession : IDisposable
{
    public CallSession(string linkedId, ProjectData project, string customerNumber, string option, CustomerBehavior customer, DateTimeOffset start, CancellationToken stopping)
    {
        LinkedId = linkedId;
        Project = project;
        CustomerNumber = customerNumber;
        Option = option;
        Customer = customer;
        StartTime = start;
        Cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public string LinkedId { get; }

    public ProjectData Project { get; }

    public string CustomerNumber { get; }

    /// <summary><c>in</c> or <c>out</c>.</summary>
    public string Option { get; }

    public CustomerBehavior Customer { get; }

    public DateTimeOffset StartTime { get; }

    public string DisplayNumber { get; set; } = "";

    public string UserField { get; set; } = "";

    public CustomerStatus CustomerStatus { get; set; } = CustomerStatus.None;

    public DateTimeOffset? CustomerRingTime { get; set; }

    public DateTimeOffset? CustomerAnswerTime { get; set; }

    public string CustomerChannelName { get; set; } = "";

    public string CustomerChannelId { get; set; } = "";

    public string CustomerSipCallId { get; set; } = "";

    /// <summary>The agent that placed the outbound call (its counters are updated).</summary>
    public AgentData? Placer { get; set; }

    /// <summary>The agent leg that currently owns the customer (gets the customer leg's events).</summary>
    public CallLeg? Owner { get; set; }

    /// <summary>The consulted, transfer or three-way leg in progress, if any.</summary>
    public CallLeg? Consulted { get; set; }

    /// <summary>Whether the three-way call is connected.</summary>
    public bool MeetActive { get; set; }

    public List<CallLeg> Legs { get; } = [];

    public JsonObject TransferMessage { get; } = [];

    public List<string> Dtmf { get; } = [];

    public bool Ended { get; set; }

    public CancellationTokenSource Cancellation { get; }

    public IEnumerable<CallLeg> ActiveAgentLegs => Legs.Where(l => l.Agent is not null && l.IsActive);

    public void Dispose() => Cancellation.Dispose();
}
