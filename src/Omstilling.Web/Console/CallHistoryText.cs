using System.Diagnostics;
using System.Globalization;
using Omstilling.Calls.Control;
using Omstilling.Directory;
using Omstilling.History.CallLists;
using Omstilling.Policy.Model;

namespace Omstilling.Web.Console;

/// <summary>The console's call history in Danish: choices, who, outcomes, waits.</summary>
public static class CallHistoryText
{
    /// <summary>The menu choices, by their labels: "Teknik og Miljø › Vand og varme"; "–" when none.</summary>
    public static string Choices(string? menuPath) =>
        string.IsNullOrWhiteSpace(menuPath)
            ? "–"
            : string.Join(" › ", menuPath.Split(" > ").Select(step => step.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? step[(colon + 1)..] : step));

    /// <summary>A number in pairs ("20 30 40 50"), a colleague's extension by name.</summary>
    public static string Number(string caller, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (string.IsNullOrWhiteSpace(caller))
        {
            return "Ukendt nummer";
        }

        return directory.FindByExtension(caller) is { } person ? $"{person.Name} ({caller})" : DanishNumber.Display(caller);
    }

    /// <summary>An extension by its person's name, "–" for none.</summary>
    public static string Who(string? extension, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return extension is null ? "–" : directory.FindByExtension(extension)?.Name ?? extension;
    }

    /// <summary>What the list says of a call the platform's stop cut off (closed at the next start).</summary>
    public const string CutOffByRestart = "Afbrudt af genstart";

    /// <summary>
    /// How the call ended up: cut off by a restart, else the transfer's outcome, else whether it was
    /// answered, left a voicemail or was given up.
    /// </summary>
    public static string Outcome(SwitchboardCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.CutOffByRestart)
        {
            return CutOffByRestart;
        }

        var outcome = call.TransferOutcome switch
        {
            null when call.VoicemailBox is not null => "Telefonsvarer",
            null when call.Abandoned => "Lagde på i køen",
            null when call.AnsweredBy is not null => "Besvaret",
            null => "Ikke besvaret",
            "Completed" => "Taget",
            "Voicemail" => "Telefonsvarer",
            "Unfinished" => "Ikke afsluttet",
            var other when Enum.TryParse<RingOutcome>(other, out var ring) => NotTaken(ring),
            var other => other,
        };
        return call.Recalls > 0 ? $"{outcome} (kom tilbage{(call.Recalls > 1 ? string.Create(CultureInfo.InvariantCulture, $" {call.Recalls} gange") : "")})" : outcome;
    }

    /// <summary>"45 s", "2 min 5 s".</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = Math.Max(0, (int)Math.Round(span.TotalSeconds));
        return seconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60} s");
    }

    /// <summary>What the list says beside a caller nobody answered.</summary>
    public static string Note(UnansweredCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var what = caller.GaveUp ? "Lagde på" : "Ikke besvaret";
        return caller.Calls > 1 ? string.Create(CultureInfo.InvariantCulture, $"{what} · {caller.Calls} opkald i dag") : what;
    }

    private static string NotTaken(RingOutcome outcome) => outcome switch
    {
        RingOutcome.Busy => "Optaget",
        RingOutcome.NoAnswer => "Ikke taget",
        RingOutcome.Unavailable => "Telefon ikke logget på",
        RingOutcome.Refused => "Afvist",
        RingOutcome.HungUp => "Lagde på under omstillingen",
        RingOutcome.Returned => "Tilbage til den, der ringede",
        RingOutcome.PassedBack => "Stillet tilbage til omstillingen",
        RingOutcome.Absent => "Fraværende",
        RingOutcome.Forwarded => "Viderestillet",
        RingOutcome.ForwardingCut => "Viderestilling ikke fulgt",
        _ => throw new UnreachableException($"RingOutcome {outcome}"),
    };
}
