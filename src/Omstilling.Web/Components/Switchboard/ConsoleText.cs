using System.Diagnostics;
using System.Globalization;
using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;

namespace Omstilling.Web.Components.Switchboard;

/// <summary>The console's Danish words for states, outcomes, durations and numbers.</summary>
public static class ConsoleText
{
    public static string Phone(PhoneState state) => state switch
    {
        PhoneState.Idle => "Ledig",
        PhoneState.Ringing => "Ringer",
        PhoneState.Busy => "Optaget",
        PhoneState.Offline => "Ikke logget på",
        _ => throw new UnreachableException($"Not a phone state: {state}"),
    };

    public static string PhoneClass(PhoneState state) => state switch
    {
        PhoneState.Idle => "state-idle",
        PhoneState.Ringing => "state-ringing",
        PhoneState.Busy => "state-busy",
        PhoneState.Offline => "state-offline",
        _ => throw new UnreachableException($"Not a phone state: {state}"),
    };

    /// <summary>Why a transfer did not go through, as the operator says it: "svarede ikke".</summary>
    public static string Outcome(RingOutcome outcome) => outcome switch
    {
        RingOutcome.Busy => "er optaget",
        RingOutcome.NoAnswer => "svarede ikke",
        RingOutcome.Unavailable => "er ikke logget på",
        RingOutcome.HungUp => "lagde på",
        RingOutcome.Refused => "afviste opkaldet",
        RingOutcome.Returned => "nåede ikke at svare",
        _ => throw new UnreachableException($"Not a ring outcome: {outcome}"),
    };

    /// <summary>"0:42", "12:05", "1:02:10".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}:{span.Seconds:00}");
    }

    /// <summary>When the person can take a call: now, the next free time their absence (or calendar) gives, or why not.</summary>
    public static string NextFree(Omstilling.Web.Cards.PersonCard card, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Availability switch
        {
            { AvailableNow: true } when card.Phone is PhoneState.Idle => "Ledig nu",
            { AvailableNow: true } when card.Phone is PhoneState.Busy => "Taler i telefon",
            { AvailableNow: true } => "Ingen fravær kodet",
            { NextFree: { } next } => "Næste ledige tid: " + Omstilling.Directory.Text.DanishTime.Until(next, now, zone),
            { Reason: { } reason } => reason,
            _ => "Næste ledige tid kendes ikke",
        };
    }
}
