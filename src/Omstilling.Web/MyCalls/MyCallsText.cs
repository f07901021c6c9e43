using System.Diagnostics;
using System.Globalization;
using Omstilling.Calls.Events;
using Omstilling.Directory;
using Omstilling.History.CallLists;
using Omstilling.Policy.Model;

namespace Omstilling.Web.MyCalls;

/// <summary>"Mine opkald" in Danish: who called, how long it rang, what became of a missed call.</summary>
public static class MyCallsText
{
    public const string Marked = "Markeret som fejlstillet";

    public const string Mark = "Markér som fejlstillet";

    /// <summary>A caller as staff read them: a colleague by name and extension, a Danish number in pairs, an unknown as such.</summary>
    public static string Caller(string caller, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(directory);
        if (string.IsNullOrWhiteSpace(caller))
        {
            return "Ukendt nummer";
        }

        return directory.FindByExtension(caller) is { } colleague ? $"{colleague.Name} ({caller})" : DanishNumber.Display(caller);
    }

    /// <summary>An extension by the name of its person, else as it is.</summary>
    public static string Person(string? extension, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return extension is null ? "" : directory.FindByExtension(extension)?.Name ?? extension;
    }

    /// <summary>"ringede i 20 s (optaget)": how long it rang, and why it stopped when that says something.</summary>
    public static string Rang(TimeSpan rang, RingEndReason? end)
    {
        var seconds = string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)Math.Round(rang.TotalSeconds))} s");
        var why = end switch
        {
            null or RingEndReason.Cancelled => "",
            RingEndReason.Busy => " (optaget)",
            RingEndReason.NoAnswer => " (ikke besvaret)",
            RingEndReason.Refused => " (afvist)",
            RingEndReason.AnsweredElsewhere => " (taget et andet sted)",
            RingEndReason.NoUsableMedia => " (ingen lyd)",
            RingEndReason.CallerGone => " (den, der ringede, var væk)",
            _ => throw new UnreachableException($"RingEndReason {end}"),
        };
        return seconds + why;
    }

    /// <summary>What became of a call that was not taken.</summary>
    public static string Fate(MissedCall call, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Fate switch
        {
            MissedCallFate.NotAnswered => "Ingen tog opkaldet",
            MissedCallFate.CallerGaveUp => "Lagde på, før nogen svarede",
            MissedCallFate.Voicemail => "Lagde en besked på telefonsvareren",
            MissedCallFate.Switchboard => "Gik til omstillingen",
            MissedCallFate.AnsweredByColleague => "Taget af " + Person(call.TakenBy, directory),
            MissedCallFate.PutThroughToColleague => "Stillet om til " + Person(call.TakenBy, directory),
            _ => throw new UnreachableException($"MissedCallFate {call.Fate}"),
        };
    }

    /// <summary>"d. 3. december kl. 09.05" in the zone.</summary>
    public static string When(DateTimeOffset at, TimeZoneInfo zone) =>
        $"{Omstilling.Directory.Text.DanishTime.Date(at, zone)} {Omstilling.Directory.Text.DanishTime.Clock(at, zone)}";
}
