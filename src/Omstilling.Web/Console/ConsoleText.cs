using System.Diagnostics;
using System.Globalization;
using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Directory.Text;
using Omstilling.Web.Cards;

namespace Omstilling.Web.Console;

/// <summary>The console's Danish words for states, outcomes, refusals, durations and numbers.</summary>
public static class ConsoleText
{
    /// <summary>Said to a user without a phone who tries to take or put through a call.</summary>
    public const string NoPhone = "Din bruger har ingen telefon at tage opkald på.";

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
        RingOutcome.PassedBack => "stillede opkaldet tilbage",
        RingOutcome.Absent => "er fraværende",
        RingOutcome.Forwarded => "er viderestillet",
        RingOutcome.ForwardingCut => "har en viderestilling, der ikke kunne følges",
        _ => throw new UnreachableException($"Not a ring outcome: {outcome}"),
    };

    /// <summary>A waiting caller who came back: "Tilbage: Jens Hansen svarede ikke", or "Stillet tilbage af Anne Sørensen" (a "fejlopkald").</summary>
    public static string Recall(string name, RingOutcome outcome) =>
        outcome == RingOutcome.PassedBack ? $"Stillet tilbage af {name}" : $"Tilbage: {name} {Outcome(outcome)}";

    /// <summary>Why a command on the operator's call did not happen; <paramref name="name"/> is the person it was about, if any.</summary>
    public static string Refused(CallControlResult result, string? name) => result switch
    {
        CallControlResult.NoSuchCall => "Opkaldet er slut.",
        CallControlResult.NotYourCall => "Du har ikke opkalderen på linjen.",
        CallControlResult.TargetUnavailable => name is null ? "Telefonen er ikke logget på." : $"{name}s telefon er ikke logget på.",
        CallControlResult.UnknownTarget => name is null ? "Nummeret findes ikke." : $"{name} har intet lokalnummer.",
        CallControlResult.TakenByOther => "En kollega har allerede taget opkaldet.",
        CallControlResult.NotAllowed => "Du må ikke ringe til det nummer (telefonpolitikken eller din rettighed).",
        CallControlResult.NotNow or CallControlResult.Done => "Det kan ikke lade sig gøre lige nu.",
        _ => throw new UnreachableException($"Not a call control result: {result}"),
    };

    /// <summary>Why the operator's "Besvar" did not make their phone ring.</summary>
    public static string PickRefused(CallControlResult result) => result switch
    {
        CallControlResult.NoSuchCall => "Opkaldet er slut.",
        CallControlResult.TakenByOther => "En kollega har allerede taget opkaldet.",
        CallControlResult.NotNow => "Opkalderen venter ikke længere i køen.",
        // The queue found the operator's phone unregistered, in a call or ringing at that moment.
        CallControlResult.TargetUnavailable => "Din telefon kan ikke tage opkaldet lige nu.",
        CallControlResult.NotYourCall or CallControlResult.UnknownTarget or CallControlResult.NotAllowed or CallControlResult.Done => "Det kan ikke lade sig gøre lige nu.",
        _ => throw new UnreachableException($"Not a call control result: {result}"),
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

    /// <summary>
    /// When the person can take a call, unless the card says it already: "Ledig nu", "Taler i
    /// telefon", "Næste ledige tid: kl. 14.00", "Næste ledige tid kendes ikke". Null when it would
    /// only repeat the absence or the department notice shown above it (coded "Til møde" without an
    /// end, the card would say "Til møde" twice).
    /// </summary>
    public static string? NextFree(PersonCard card, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(card);
        var shownAbove = card.Absence is not null || card.Notices.Count > 0;
        return card.Availability switch
        {
            { AvailableNow: true } when card.Phone is PhoneState.Idle => "Ledig nu",
            { AvailableNow: true } when card.Phone is PhoneState.Busy => "Taler i telefon",
            { AvailableNow: true } => shownAbove ? null : "Ingen fravær kodet",
            { NextFree: { } next } => "Næste ledige tid: " + DanishTime.Until(next, now, zone),
            { Source: AbsenceAvailability.SourceName } when shownAbove => "Næste ledige tid kendes ikke",
            { Reason: { } reason } => reason,
            _ => "Næste ledige tid kendes ikke",
        };
    }

    /// <summary>The absence as the card and the banner say it: "Til møde til kl. 14.00".</summary>
    /// <summary>"Viderestillet altid til Signe Bæk (2002)", "Viderestillet ved optaget til 54 73 10 00".</summary>
    public static string ForwardingLine(Forwarding forwarding, Omstilling.Directory.StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(forwarding);
        ArgumentNullException.ThrowIfNull(directory);
        var target = directory.FindByExtension(forwarding.Target) is { } colleague
            ? $"{colleague.Name} ({forwarding.Target})"
            : Omstilling.Policy.Model.DanishNumber.Display(forwarding.Target);
        return $"Viderestillet {forwarding.Condition.DanishLabel()} til {target}";
    }

    public static string AbsenceLine(Absence absence, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(absence);
        return absence.Until is { } until ? $"{absence.Code.DanishLabel()} til {DanishTime.Until(until, now, zone)}" : absence.Code.DanishLabel();
    }
}
