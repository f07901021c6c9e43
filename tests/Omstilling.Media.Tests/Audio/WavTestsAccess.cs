namespace Omstilling.Media.Tests.Audio;

/// <summary>Signal measurements shared by the media tests.</summary>
internal static class WavTestsAccess
{
    public static double Frequency(short[] samples) => WavTests.Frequency(samples);
}
