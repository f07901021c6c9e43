using System.Diagnostics;
using System.Globalization;
using System.Text;
using Omstilling.Directory.Text;
using Omstilling.Storage.Voicemail;

namespace Omstilling.Web.Voicemail;

/// <summary>"Min telefonsvarer" in Danish, and the addresses of its sound files. Pure.</summary>
public static class VoicemailText
{
    public const string PagePath = "/min-telefonsvarer";

    /// <summary>The largest greeting file taken from the browser: minutes of CD-quality WAV, far more than a greeting needs.</summary>
    public const long LargestUpload = 10 * 1024 * 1024;

    /// <summary>The number staff call to listen to their messages and record a greeting by phone.</summary>
    public const string VoicemailNumber = "8500";

    /// <summary>A message's sound, to play (or, with <paramref name="download"/>, to save as a file).</summary>
    public static string MessagePath(Guid id, bool download = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{PagePath}/beskeder/{id:N}.wav{(download ? "?hent=1" : "")}");

    /// <summary>A recorded greeting's sound.</summary>
    public static string GreetingPath(GreetingKind kind) => $"{PagePath}/hilsen/{RouteName(kind)}.wav";

    /// <summary>The kind's name in <see cref="GreetingPath"/>.</summary>
    public static string RouteName(GreetingKind kind) => kind switch
    {
        GreetingKind.Personal => "personal",
        GreetingKind.Absence => "absence",
        _ => throw new UnreachableException($"GreetingKind {kind}"),
    };

    /// <summary>The kind named in a greeting's address; false for any other name.</summary>
    public static bool TryParseRouteName(string? name, out GreetingKind kind)
    {
        foreach (var candidate in Enum.GetValues<GreetingKind>())
        {
            if (string.Equals(RouteName(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>"Personlig hilsen", "Fraværshilsen".</summary>
    public static string GreetingTitle(GreetingKind kind) => kind switch
    {
        GreetingKind.Personal => "Personlig hilsen",
        GreetingKind.Absence => "Fraværshilsen",
        _ => throw new UnreachableException($"GreetingKind {kind}"),
    };

    /// <summary>When callers hear the greeting of the kind.</summary>
    public static string GreetingUse(GreetingKind kind) => kind switch
    {
        GreetingKind.Personal => "Den, der ringer, hører den, når du ikke tager telefonen. Uden den hører de en hilsen med dit navn.",
        GreetingKind.Absence => "Den høres i stedet for den personlige, kun mens du er kodet fraværende, og slettes af sig selv, når fraværet slutter.",
        _ => throw new UnreachableException($"GreetingKind {kind}"),
    };

    /// <summary>"0:42", "12:05": minutes and seconds, rounded to the nearest second.</summary>
    public static string Length(TimeSpan length)
    {
        var seconds = Math.Max(0, (long)Math.Round(length.TotalSeconds, MidpointRounding.AwayFromZero));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>"d. 4. december 2026 kl. 14.05" in the zone.</summary>
    public static string Received(DateTimeOffset at, TimeZoneInfo zone) =>
        $"{DanishTime.Date(at, zone, withYear: true)} {DanishTime.Clock(at, zone)}";

    public static string Status(bool heard) => heard ? "Hørt" : "Ny";

    /// <summary>
    /// The name a downloaded message is saved under: "telefonsvarer-2026-12-04-1405-20304050.wav",
    /// local time, the caller's number kept to digits and '+' ("ukendt" without one).
    /// </summary>
    public static string DownloadName(DateTimeOffset received, string? caller, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(received, zone);
        var number = new StringBuilder();
        foreach (var c in caller ?? "")
        {
            if (char.IsAsciiDigit(c) || (c == '+' && number.Length == 0))
            {
                number.Append(c);
            }
        }

        var who = number.Length == 0 ? "ukendt" : number.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"telefonsvarer-{local:yyyy-MM-dd-HHmm}-{who}.wav");
    }

    /// <summary>What the page says about e-mailed messages: where they go, or that there is nowhere.</summary>
    public static string EmailLine(string? address) => string.IsNullOrWhiteSpace(address)
        ? "Du har ingen e-mailadresse i telefonbogen, så nye beskeder kan ikke sendes til dig."
        : $"Nye beskeder sendes som lydfil til {address}.";

    /// <summary>
    /// Why an uploaded greeting was refused, in Danish: the voicemail's own Danish reason (too
    /// short) as it is, any other (the WAV reader's English detail, logged) as one plain sentence.
    /// </summary>
    public static string UploadRefused(string reason) =>
        reason.StartsWith("Hilsenen", StringComparison.Ordinal) ? reason
        : "Filen kan ikke bruges som hilsen: det er ikke en WAV-lydfil, der kan læses. Gem optagelsen som WAV og prøv igen.";

    public static string TooLarge => string.Create(CultureInfo.InvariantCulture, $"Filen er for stor: en hilsen må højst fylde {LargestUpload / (1024 * 1024)} MB.");
}
