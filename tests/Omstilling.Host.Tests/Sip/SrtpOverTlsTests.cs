using System.Globalization;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// Issue 16, item 3's end to end: a baresip phone over TLS with <c>mediaenc=srtp</c> (SDES keys in
/// the SDP) calls the echo test 8000 and hears itself: its 440 Hz tone went to the server
/// encrypted, was decrypted there, echoed, encrypted again, and decrypted by the phone.
/// </summary>
public sealed class SrtpOverTlsTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_phone_over_tls_with_srtp_calls_the_echo_test_and_hears_its_own_tone_after_decryption()
    {
        var server = fixture.Server;
        await using var phone = await Baresip.StartAsync("2078", fixture.TlsPort, autoAnswer: false, toneHz: 440, tlsCaFile: fixture.CaFile, mediaEncryption: "srtp");
        Assert.True(await phone.WaitUntilRegisteredAsync(Wait), phone.Log + server.Output);

        await phone.DialAsync($"sip:8000@127.0.0.1:{fixture.TlsPort.ToString(CultureInfo.InvariantCulture)};transport=tls");
        Assert.True(await phone.WaitForEventAsync("CALL_ESTABLISHED", Wait), phone.Log + server.Output);
        await Task.Delay(TimeSpan.FromSeconds(4)); // the echo of four seconds of tone
        await phone.HangUpAsync();
        Assert.True(await phone.WaitForEventAsync("CALL_CLOSED", Wait), phone.Log);

        // The media was SRTP with the suite we offer, and nothing failed to decrypt on the phone.
        Assert.Contains("SRTP is Enabled (cryptosuite=AES_CM_128_HMAC_SHA1_80)", phone.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("failed to decrypt", phone.Log, StringComparison.Ordinal);

        // What it heard (decrypted by baresip) is its own tone: loud, at 440 Hz.
        var heard = await phone.ReadHeardAsync();
        var loud = heard.Skip(8000).Take(16000).ToArray(); // after the first second, two seconds of it
        Assert.True(loud.Length == 16000, $"the phone heard {heard.Length} samples");
        Assert.True(Signal.Rms(loud) > 1000, $"the phone heard near silence (RMS {Signal.Rms(loud):F0})\n{phone.Log}");
        Assert.InRange(Signal.Frequency(loud, 8000), 420, 460);
    }
}
