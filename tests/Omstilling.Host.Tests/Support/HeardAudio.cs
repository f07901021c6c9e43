using System.Globalization;
using Omstilling.Media.Audio;

namespace Omstilling.Host.Tests.Support;

/// <summary>Whether a phone's recording holds a prompt, sample for sample (normalized cross-correlation ≥ 0.9 within the lag allowed).</summary>
public static class HeardAudio
{
    /// <summary>A bundled prompt (prompts/da beside the tests) is in what the phone heard.</summary>
    public static void AssertContains(short[] heard, string prompt, int maxLagSeconds) =>
        AssertContains(heard, WavReader.Read(Path.Combine(AppContext.BaseDirectory, "prompts", "da", prompt + ".wav")).Samples.ToArray(), prompt, maxLagSeconds);

    public static void AssertContains(short[] heard, short[] reference, string what, int maxLagSeconds)
    {
        ArgumentNullException.ThrowIfNull(heard);
        var (correlation, lag) = Signal.BestCorrelation(reference, heard, maxLag: maxLagSeconds * 8000);
        Assert.True(correlation >= 0.9, string.Create(CultureInfo.InvariantCulture, $"'{what}': normalized cross-correlation {correlation:F3} at lag {lag} (recording {heard.Length} samples)"));
    }
}
