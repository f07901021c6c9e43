using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Timing;
using Omstilling.Runtime;

namespace Omstilling.Benchmarks;

/// <summary>
/// Checking a wrong password of a known user against any password of an unknown user: the times
/// must not differ enough to tell which usernames exist (issue #2, no user enumeration).
/// </summary>
[MemoryDiagnoser]
public class AuthenticationBenchmarks : IDisposable
{
    private SipScheduler _scheduler = null!;
    private DigestAuthenticator _authenticator = null!;
    private SipRequest _knownUserWrongPassword = null!;
    private SipRequest _unknownUser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scheduler = new SipScheduler(TimeProvider.System, new FaultMonitor(NullLoggerFactory.Instance, TimeProvider.System));
        var accounts = new InMemoryAccountStore();
        accounts.Add(SipAccount.FromPassword("2001", "omstilling", "demo2001"));
        var nonces = new NonceService(_scheduler, TimeSpan.FromMinutes(2));
        _authenticator = new DigestAuthenticator("omstilling", accounts, nonces);
        var challenge = new DigestChallenge("omstilling", nonces.Issue(), DigestAlgorithm.Md5, QopAuth: true, null, false);
        _knownUserWrongPassword = Signed("2001", "wrong", challenge);
        _unknownUser = Signed("7777", "wrong", challenge);
    }

    [Benchmark(Baseline = true)]
    public AuthenticationResult KnownUserWrongPassword() => _authenticator.Authenticate(_knownUserWrongPassword, proxy: false);

    [Benchmark]
    public AuthenticationResult UnknownUser() => _authenticator.Authenticate(_unknownUser, proxy: false);

    public void Dispose()
    {
        _scheduler?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static SipRequest Signed(string user, string password, DigestChallenge challenge)
    {
        SipParser.TryParseDatagram(SampleMessages.Register, SipParserLimits.Default, out var message);
        var request = (SipRequest)message!;
        request.Headers.RemoveAll(HeaderName.Authorization);
        request.Headers.Add(HeaderName.Authorization, new DigestClient(user, password).Answer(challenge, "REGISTER", "sip:192.0.2.10"));
        return request;
    }
}
