using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Dtls;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

public class DtlsRetransmissionTimerTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(16, 32)]
    [InlineData(30, 60)]
    [InlineData(32, 60)]
    [InlineData(60, 60)]
    public void Double_IsCappedAtSixtySeconds(int seconds, int expected)
    {
        Assert.Equal(TimeSpan.FromSeconds(expected), DtlsRetransmissionTimer.Double(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void EachNewFlight_StartsAtTheInitialTimeout_AndOnlyTimerRetransmissionsDouble()
    {
        var time = new FakeTimeProvider();
        int wakes = 0;
        using var timer = new DtlsRetransmissionTimer(time, TimeSpan.FromSeconds(1), () => Interlocked.Increment(ref wakes));

        Assert.Null(timer.OnSent(DtlsFlightKind.New));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(timer.TryConsumeExpiry());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, wakes);
        Assert.True(timer.TryConsumeExpiry());
        Assert.False(timer.TryConsumeExpiry());
        Assert.True(timer.AwaitingRetransmission);

        DtlsRetransmissionEventArgs? first = timer.OnSent(DtlsFlightKind.Repeated);
        Assert.NotNull(first);
        Assert.Equal((1, 1, TimeSpan.FromSeconds(1)), (first!.Flight, first.Attempt, first.ExpiredTimeout));
        Assert.False(timer.AwaitingRetransmission);

        // The peer repeated its flight: ours goes again without doubling; the timer restarts at 2 s.
        time.Advance(TimeSpan.FromMilliseconds(500));
        DtlsRetransmissionEventArgs? echo = timer.OnSent(DtlsFlightKind.Repeated);
        Assert.False(echo!.ByTimer);
        Assert.Equal(2, echo.Attempt);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(timer.TryConsumeExpiry());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(timer.TryConsumeExpiry());
        Assert.Equal(TimeSpan.FromSeconds(2), timer.OnSent(DtlsFlightKind.Repeated)!.ExpiredTimeout);

        // A new flight: back to 1 s, attempts counted again from one.
        Assert.Null(timer.OnSent(DtlsFlightKind.New));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(timer.TryConsumeExpiry());
        DtlsRetransmissionEventArgs? second = timer.OnSent(DtlsFlightKind.Repeated);
        Assert.Equal((2, 1, TimeSpan.FromSeconds(1)), (second!.Flight, second.Attempt, second.ExpiredTimeout));
        Assert.Equal(2, timer.Flights);
        Assert.Equal(3, timer.TimerRetransmissions);
    }

    [Fact]
    public void AnEarlierFlightsTimer_DoesNotExpireTheNextFlight()
    {
        var time = new FakeTimeProvider();
        using var timer = new DtlsRetransmissionTimer(time, TimeSpan.FromSeconds(1), () => { });
        timer.OnSent(DtlsFlightKind.New);
        time.Advance(TimeSpan.FromSeconds(1));

        // Expired, but the next flight went out before anyone looked.
        timer.OnSent(DtlsFlightKind.New);

        Assert.False(timer.TryConsumeExpiry());
        Assert.Equal(0, timer.TimerRetransmissions);
    }

    [Fact]
    public void AfterStop_NothingExpires_ButRepeatedFlightsAreStillCounted()
    {
        var time = new FakeTimeProvider();
        int wakes = 0;
        using var timer = new DtlsRetransmissionTimer(time, TimeSpan.FromSeconds(1), () => wakes++);
        timer.OnSent(DtlsFlightKind.New);
        timer.Stop();
        Assert.Null(timer.OnSent(DtlsFlightKind.New));

        time.Advance(TimeSpan.FromMinutes(5));
        DtlsRetransmissionEventArgs? repeat = timer.OnSent(DtlsFlightKind.Repeated);

        Assert.Equal(0, wakes);
        Assert.False(timer.TryConsumeExpiry());
        Assert.Equal((2, 1, false), (repeat!.Flight, repeat.Attempt, repeat.ByTimer));
    }

    [Fact]
    public void Classifier_TellsNewFlightsFromRepeats_ByMessageSeqAndTheFirstChangeCipherSpec()
    {
        var classifier = new DtlsFlightClassifier();
        Assert.Equal(DtlsFlightKind.None, classifier.TakeBatch());

        classifier.Observe(Handshake(epoch: 0, messageSeq: 0));
        Assert.Equal(DtlsFlightKind.New, classifier.TakeBatch());
        classifier.Observe(Handshake(epoch: 0, messageSeq: 0));
        Assert.Equal(DtlsFlightKind.Repeated, classifier.TakeBatch());

        classifier.Observe(Handshake(epoch: 0, messageSeq: 1));
        classifier.Observe(Handshake(epoch: 0, messageSeq: 2));
        classifier.Observe(Record(20, 0, new byte[] { 1 }));
        classifier.Observe(Handshake(epoch: 1, messageSeq: 0));
        Assert.Equal(DtlsFlightKind.New, classifier.TakeBatch());
        classifier.Observe(Handshake(epoch: 0, messageSeq: 1));
        classifier.Observe(Handshake(epoch: 0, messageSeq: 2));
        classifier.Observe(Record(20, 0, new byte[] { 1 }));
        classifier.Observe(Handshake(epoch: 1, messageSeq: 0));
        Assert.Equal(DtlsFlightKind.Repeated, classifier.TakeBatch());

        // Alerts, application data and runts belong to no flight.
        classifier.Observe(Record(21, 1, new byte[] { 2, 0 }));
        classifier.Observe(Record(23, 1, new byte[] { 9 }));
        classifier.Observe(new byte[] { 22, 0xFE });
        Assert.Equal(DtlsFlightKind.None, classifier.TakeBatch());
    }

    [Fact]
    public void Classifier_AFlightOfChangeCipherSpecAndFinishedOnly_IsNewOnce()
    {
        var classifier = new DtlsFlightClassifier();
        classifier.Observe(Handshake(epoch: 0, messageSeq: 4));
        classifier.TakeBatch();

        classifier.Observe(Record(20, 0, new byte[] { 1 }));
        classifier.Observe(Handshake(epoch: 1, messageSeq: 5));
        Assert.Equal(DtlsFlightKind.New, classifier.TakeBatch());
        classifier.Observe(Record(20, 0, new byte[] { 1 }));
        classifier.Observe(Handshake(epoch: 1, messageSeq: 5));
        Assert.Equal(DtlsFlightKind.Repeated, classifier.TakeBatch());
    }

    private static byte[] Handshake(int epoch, int messageSeq)
    {
        var body = new byte[12 + 4];
        body[0] = 11;
        body[3] = 4;
        body[4] = (byte)(messageSeq >> 8);
        body[5] = (byte)messageSeq;
        body[11] = 4;
        return Record(22, epoch, body);
    }

    private static byte[] Record(byte type, int epoch, byte[] fragment)
    {
        var record = new byte[13 + fragment.Length];
        record[0] = type;
        record[1] = 0xFE;
        record[2] = 0xFD;
        record[3] = (byte)(epoch >> 8);
        record[4] = (byte)epoch;
        record[11] = (byte)(fragment.Length >> 8);
        record[12] = (byte)fragment.Length;
        fragment.CopyTo(record, 13);
        return record;
    }
}
