namespace Omstilling.Host.Tests.Support;

/// <summary>Measurements on recorded audio.</summary>
public static class Signal
{
    /// <summary>
    /// The best normalized cross-correlation of <paramref name="reference"/> against
    /// <paramref name="recording"/> over alignments within <paramref name="maxLag"/> samples either
    /// way, counting only alignments where at least 90 % of the reference overlaps the recording
    /// (a phone may start recording a packet late or stop a packet early). 1 is identical.
    /// </summary>
    public static (double Correlation, int Lag) BestCorrelation(short[] reference, short[] recording, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(recording);
        var best = (Correlation: 0.0, Lag: 0);
        for (var lag = -maxLag; lag <= maxLag; lag++)
        {
            var first = Math.Max(0, -lag);
            var last = Math.Min(reference.Length, recording.Length - lag);
            if (last - first < reference.Length * 0.9)
            {
                continue;
            }

            double dot = 0, referenceEnergy = 0, energy = 0;
            for (var i = first; i < last; i++)
            {
                double r = reference[i];
                double x = recording[i + lag];
                dot += r * x;
                referenceEnergy += r * r;
                energy += x * x;
            }

            var correlation = energy == 0 || referenceEnergy == 0 ? 0 : dot / Math.Sqrt(referenceEnergy * energy);
            if (correlation > best.Correlation)
            {
                best = (correlation, lag);
            }
        }

        return best;
    }

    public static double Frequency(ReadOnlySpan<short> samples, int rate)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 / (samples.Length / (double)rate);
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }
}
