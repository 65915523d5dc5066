using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Audio.Devices;
using DkCloud.Sdk.WebRtc.Audio.Devices.Windows;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class EndpointTrackerTests
{
    private static readonly AudioDeviceInfo Headset = new("{0.0.1}.{headset}", "Headset Microphone", AudioDeviceKind.Capture);
    private static readonly AudioDeviceInfo Webcam = new("{0.0.1}.{webcam}", "Webcam Microphone", AudioDeviceKind.Capture);
    private static readonly AudioDeviceInfo Speakers = new("{0.0.0}.{speakers}", "Speakers", AudioDeviceKind.Render);

    [Fact]
    public void UnpluggingAnActiveEndpointIsALossAndPluggingItBackAChange()
    {
        EndpointTracker tracker = Loaded();
        var notices = new List<EndpointNotice>();

        tracker.Update(new EndpointState(Headset, isActive: false), notices);
        Assert.Equal(new[] { new EndpointNotice(EndpointNoticeKind.Lost, Headset) }, notices);
        Assert.False(tracker.IsActive(Headset.Id));

        notices.Clear();
        tracker.Update(new EndpointState(Headset, isActive: false), notices);
        Assert.Empty(notices);

        tracker.Update(new EndpointState(Headset, isActive: true), notices);
        Assert.Equal(new[] { new EndpointNotice(EndpointNoticeKind.Changed, Headset) }, notices);
    }

    [Fact]
    public void NewAndRenamedEndpointsAreChangesAndInactiveOnesAreQuiet()
    {
        EndpointTracker tracker = Loaded();
        var notices = new List<EndpointNotice>();
        var usb = new AudioDeviceInfo("{0.0.0}.{usb}", "USB Speaker", AudioDeviceKind.Render);
        tracker.Update(new EndpointState(usb, isActive: false), notices);
        Assert.Empty(notices);

        var renamed = new AudioDeviceInfo(Speakers.Id, "Desk Speakers", AudioDeviceKind.Render);
        tracker.Update(new EndpointState(renamed, isActive: true), notices);
        tracker.Update(new EndpointState(renamed, isActive: true), notices);
        Assert.Equal(new[] { new EndpointNotice(EndpointNoticeKind.Changed, renamed) }, notices);
        Assert.Equal("Desk Speakers", tracker.GetDefault(AudioDeviceKind.Render)!.Name);
    }

    [Fact]
    public void RemovingAnEndpointLosesItAndItsDefault()
    {
        EndpointTracker tracker = Loaded();
        var notices = new List<EndpointNotice>();
        tracker.Remove(Headset.Id, notices);
        tracker.Remove(Headset.Id, notices);
        tracker.Remove("{unknown}", notices);
        Assert.Equal(new[] { new EndpointNotice(EndpointNoticeKind.Lost, Headset) }, notices);
        Assert.Null(tracker.Find(Headset.Id));
        Assert.Null(tracker.GetDefault(AudioDeviceKind.Capture));
        Assert.Equal(Speakers, tracker.GetDefault(AudioDeviceKind.Render));
    }

    [Fact]
    public void ADefaultChangeIsReportedOnlyWhenItMovesToAKnownEndpointOfItsKind()
    {
        EndpointTracker tracker = Loaded();
        var notices = new List<EndpointNotice>();
        tracker.SetDefault(AudioDeviceKind.Capture, Headset.Id, notices);
        tracker.SetDefault(AudioDeviceKind.Capture, "{unknown}", notices);
        tracker.SetDefault(AudioDeviceKind.Capture, Speakers.Id, notices);
        Assert.Empty(notices);

        tracker.SetDefault(AudioDeviceKind.Capture, Webcam.Id, notices);
        Assert.Equal(new[] { new EndpointNotice(EndpointNoticeKind.DefaultChanged, Webcam) }, notices);
        Assert.Equal(Webcam, tracker.GetDefault(AudioDeviceKind.Capture));

        tracker.SetDefault(AudioDeviceKind.Capture, null, notices);
        Assert.Null(tracker.GetDefault(AudioDeviceKind.Capture));
        Assert.Single(notices);
    }

    [Fact]
    public void AStreamFailureIsReportedOnceAndNotAgainWhenWindowsCatchesUp()
    {
        EndpointTracker tracker = Loaded();
        var notices = new List<EndpointNotice>();
        Assert.True(tracker.AnnounceLost(Headset.Id, notices));
        Assert.False(tracker.AnnounceLost(Headset.Id, notices));
        Assert.False(tracker.AnnounceLost(Webcam.Id + "x", notices));
        tracker.Update(new EndpointState(Headset, isActive: false), notices);
        Assert.Equal(new[] { new EndpointNotice(EndpointNoticeKind.Lost, Headset) }, notices);

        notices.Clear();
        tracker.Update(new EndpointState(Headset, isActive: true), notices);
        Assert.True(tracker.AnnounceLost(Headset.Id, notices));
        tracker.Opened(Headset.Id);
        Assert.True(tracker.AnnounceLost(Headset.Id, notices));
        Assert.Equal(EndpointNoticeKind.Lost, notices[^1].Kind);
        Assert.Equal(3, notices.Count);
    }

    private static EndpointTracker Loaded()
    {
        var tracker = new EndpointTracker();
        tracker.Load(
            new[] { new EndpointState(Headset, true), new EndpointState(Webcam, true), new EndpointState(Speakers, true) },
            Headset,
            Speakers);
        return tracker;
    }
}
