using System.Diagnostics;

namespace Omstilling.Media.Prompts;

/// <summary>
/// Speaks Danish text into an 8 kHz A-law WAV with espeak-ng (voice "da") and sox, the Debian
/// packages named in the README. Used to build the standard prompts and, at start-up, any prompt a
/// policy names that has no recording yet.
/// </summary>
public static class EspeakSynthesizer
{
    /// <summary>True when both programs are installed.</summary>
    public static bool IsAvailable() => OnPath("espeak-ng") && OnPath("sox");

    /// <summary>Writes <paramref name="path"/>; throws <see cref="InvalidOperationException"/> saying what failed.</summary>
    public static async Task SynthesizeAsync(string text, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var raw = path + ".espeak.wav";
        try
        {
            await RunAsync("espeak-ng", ["-v", "da", "-s", "150", "-w", raw, text], cancellationToken);

            // A little silence after each phrase keeps assembled sentences from running together.
            await RunAsync("sox", [raw, "-r", "8000", "-c", "1", "-e", "a-law", path, "pad", "0", "0.12"], cancellationToken);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>
    /// Music on hold that needs no licence: a gentle plucked arpeggio over four chords (C, Am, F, G),
    /// about seven seconds, made with sox and looped by the player.
    /// </summary>
    public static async Task SynthesizeMusicAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] notes = ["C4", "E4", "G4", "C5", "A3", "C4", "E4", "A4", "F3", "A3", "C4", "F4", "G3", "B3", "D4", "G4"];
        var args = new List<string> { "-n", "-r", "8000", "-c", "1", "-e", "a-law", path };
        for (var i = 0; i < notes.Length; i++)
        {
            if (i > 0)
            {
                args.Add(":");
            }

            args.AddRange(["synth", "0.45", "pluck", notes[i], "vol", "0.4"]);
        }

        await RunAsync("sox", [.. args], cancellationToken);
    }

    /// <summary>The Danish ringing tone: 425 Hz for 1 s, then 4 s of silence, looped by the player.</summary>
    public static Task SynthesizeRingbackAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        return RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-e", "a-law", path, "synth", "1", "sine", "425", "vol", "0.3", "pad", "0", "4"], cancellationToken);
    }

    private static async Task RunAsync(string program, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} could not be started.");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error.Trim()}");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
