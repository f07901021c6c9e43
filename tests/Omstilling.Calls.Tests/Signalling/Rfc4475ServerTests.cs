using System.Net;
using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Tests.Support;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// Every RFC 4475 torture message sent as a UDP datagram to the platform (parser, transaction
/// layer, UAS checks, registrar and call manager together), with the answer the RFC's text for
/// that section asks of a UAS. 0 means nothing may be sent back: responses are never answered.
/// Where the RFC tolerates either, the comment says which we chose.
/// </summary>
public sealed class Rfc4475ServerTests
{
    private const int Nothing = 0;

    public static TheoryData<string, int> Expected => new()
    {
        // 3.1.1 valid messages: processed normally. INVITEs to non-public numbers are challenged (407);
        // REGISTERs are challenged (401); OPTIONS are answered 200; methods we do not implement get 501.
        { "wsinv.dat", 481 }, // its To carries a tag: a re-INVITE in a dialog we do not know (§12.2.2)
        { "intmeth.dat", 501 },
        { "esc01.dat", 407 },
        { "escnull.dat", 401 },
        { "esc02.dat", 501 },
        { "lwsdisp.dat", 200 },
        { "longreq.dat", 407 },
        { "dblreq.dat", 401 },
        { "semiuri.dat", 200 },
        { "transports.dat", 200 },
        { "mpart01.dat", 501 }, // MESSAGE is not implemented; the parser accepts it
        { "unreason.dat", Nothing },
        { "noreason.dat", Nothing },

        // 3.1.2 invalid messages.
        { "badinv01.dat", 400 },
        { "clerr.dat", 400 },
        { "ncl.dat", 400 },
        { "scalar02.dat", 400 },
        { "scalarlg.dat", Nothing },
        { "quotbal.dat", 400 },
        { "ltgtruri.dat", 400 }, // tolerated either way; rejecting is "reasonable always"
        { "lwsruri.dat", 400 },
        { "lwsstart.dat", 400 }, // tolerated either way; we are strict about the start line
        { "trws.dat", 400 },
        { "escruri.dat", 400 },
        { "baddate.dat", 407 }, // the Date matters to nothing we do, so it is ignored as the RFC prefers
        { "regbadct.dat", 400 },
        { "badaspec.dat", 400 },
        { "baddn.dat", 400 },
        { "badvers.dat", 505 },
        { "mismatch01.dat", 400 },
        { "mismatch02.dat", 501 }, // unknown method is judged before the CSeq mismatch, as preferred
        { "bigcode.dat", Nothing },

        // 3.2 transaction layer.
        { "badbranch.dat", 200 },

        // 3.3 application layer.
        { "insuf.dat", 400 },
        { "unkscm.dat", 416 },
        { "novelsc.dat", 416 },
        { "unksm2.dat", 400 },
        { "bext01.dat", 420 },
        { "invut.dat", 415 },
        { "regaut01.dat", 401 },
        { "multi01.dat", 400 },
        { "mcl01.dat", 400 },
        { "bcast.dat", Nothing },
        { "zeromf.dat", 200 },
        { "cparam01.dat", 401 },
        { "cparam02.dat", 401 },
        { "regescrt.dat", 401 },
        { "sdp01.dat", 406 },

        // 3.4 backward compatibility.
        { "inv2543.dat", 407 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Torture_message_is_answered_as_rfc4475_says(string file, int expectedStatus)
    {
        await using var f = await B2buaFixture.StartAsync();
        var peer = new IPEndPoint(IPAddress.Parse("192.0.2.50"), 5060);
        var raw = f.Network.Attach(SipTransportKind.Udp, peer);

        await raw.SendAsync(B2buaFixture.ServerAddress, TestData.Rfc4475(file), CancellationToken.None);
        f.Deliver();

        // Only the status line is read: a 400 echoes the request's headers, malformed ones included.
        var answers = f.Network.Sent.Where(p => p.From.Equals(B2buaFixture.ServerAddress))
            .Select(p => p.Text)
            .Where(t => t.StartsWith("SIP/2.0 ", StringComparison.Ordinal) && !t.StartsWith("SIP/2.0 100 ", StringComparison.Ordinal))
            .Select(t => int.Parse(t.AsSpan(8, 3), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        if (expectedStatus == Nothing)
        {
            Assert.Empty(answers);
        }
        else
        {
            Assert.Equal(expectedStatus, Assert.Single(answers));
        }
    }

    [Fact]
    public void Every_message_of_the_manifest_has_an_expectation()
    {
        var covered = Expected.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(49, TestData.Rfc4475Files().Count());
        Assert.All(TestData.Rfc4475Files(), file => Assert.Contains(file, covered));
    }
}
