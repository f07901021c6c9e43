namespace Omstilling.Media.Audio;

/// <summary>
/// Sample-rate conversion for prompts loaded from files (done once at load, never per call):
/// band-limited interpolation with a Blackman-windowed sinc whose cut-off is just below the lower
/// of the two Nyquist frequencies, so 44.1 or 48 kHz recordings do not alias when brought to 8 kHz.
/// </summary>
internal static class Resampler
{
    /// <summary>Zero crossings of the sinc on each side of the point being computed.</summary>
    private const int HalfWidth = 16;

    public static short[] Resample(ReadOnlySpan<short> input, int fromRate, int toRate)
    {
        if (fromRate == toRate)
        {
            return input.ToArray();
        }

        var ratio = (double)toRate / fromRate;
        var cutoff = Math.Min(1.0, ratio) * 0.95; // as a fraction of the input's Nyquist frequency
        var outputLength = (int)Math.Floor(input.Length * ratio);
        var output = new short[outputLength];
        var reach = HalfWidth / cutoff; // input samples on each side that the kernel covers
        for (var n = 0; n < outputLength; n++)
        {
            var t = n / ratio; // position in input samples
            var first = Math.Max(0, (int)Math.Ceiling(t - reach));
            var last = Math.Min(input.Length - 1, (int)Math.Floor(t + reach));
            double sum = 0;
            for (var k = first; k <= last; k++)
            {
                var x = (t - k) * cutoff;
                sum += input[k] * cutoff * Sinc(x) * Blackman(x / HalfWidth);
            }

            output[n] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Blackman window over [-1, 1].</summary>
    private static double Blackman(double u) =>
        Math.Abs(u) >= 1 ? 0 : 0.42 + (0.5 * Math.Cos(Math.PI * u)) + (0.08 * Math.Cos(2 * Math.PI * u));
}
