using System.Diagnostics.Metrics;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Metrics;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Tests.Metrics;

/// <summary>The SIP stack's counters: the labels a dashboard selects by, and nothing allocated per message.</summary>
public sealed class SipMetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _seen = [];
    private long _counted;

    public SipMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == _meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
    }

    [Fact]
    public void Requests_and_responses_are_counted_by_direction_method_and_status()
    {
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
        var metrics = new SipMetrics(_meters, () => 0, () => (0, 0));
        var invite = (SipRequest)SipParser.Parse(SampleMessages.Invite);

        metrics.OnReceived(invite);
        metrics.OnSent(SipResponses.Create(invite, SipStatus.Ringing));
        metrics.OnReceived(new SipRequest(new SipMethod("FOO"), invite.RequestUri, invite.Headers));

        Assert.Collection(
            _seen,
            r => Assert.Equal(("omstilling.sip.requests", 1L, "received", "INVITE"), (r.Instrument, r.Value, r.Tags["direction"], r.Tags["method"])),
            r => Assert.Equal(("omstilling.sip.responses", 1L, "sent", "INVITE", (object)180), (r.Instrument, r.Value, r.Tags["direction"], r.Tags["method"], r.Tags["status"])),
            r => Assert.Equal(("omstilling.sip.requests", "other"), (r.Instrument, r.Tags["method"])));
    }

    [Fact]
    public void A_response_whose_CSeq_cannot_be_read_is_counted_as_other()
    {
        // Our 400 to a malformed request copies its CSeq as it came: the counter must not throw on it.
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
        var metrics = new SipMetrics(_meters, () => 0, () => (0, 0));
        var headers = new SipHeaders();
        headers.Add(HeaderName.CSeq, "x1 INVITE");

        metrics.OnSent(new SipResponse(SipStatus.BadRequest, "Bad CSeq", headers));

        var response = Assert.Single(_seen);
        Assert.Equal(("omstilling.sip.responses", "other", (object)400), (response.Instrument, response.Tags["method"], response.Tags["status"]));
    }

    [Fact]
    public void Counting_a_message_allocates_nothing_while_a_listener_records()
    {
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _counted += value);
        _listener.Start();
        var metrics = new SipMetrics(_meters, () => 0, () => (0, 0));
        var invite = (SipRequest)SipParser.Parse(SampleMessages.Invite);
        var ringing = SipResponses.Create(invite, SipStatus.Ringing);
        metrics.OnReceived(invite);
        metrics.OnSent(ringing);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            metrics.OnReceived(invite);
            metrics.OnSent(ringing);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20_002, _counted);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }
}
