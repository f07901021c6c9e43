using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// Message-waiting indication (RFC 3842) with a real phone stack: SIPp subscribes to its own
/// voicemail box with digest credentials, is told the (empty) box at once in a NOTIFY, then
/// unsubscribes and is told the subscription ended.
/// </summary>
public sealed class MessageWaitingSippTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_phone_subscribes_to_its_box_with_digest_and_is_notified_of_the_empty_box_then_unsubscribes()
    {
        var phone = await Sipp.RunAsync("uac_subscribe_mwi.xml", fixture.Server.SipPort, FreePort.Next(), ("username", "2060"), ("password", "demo2060"));

        Assert.True(phone.ExitCode == 0, $"phone: {phone}\n{fixture.Server.Output}");
    }
}
