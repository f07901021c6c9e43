using System.Net;
using Omstilling.Calls.Signalling;
using Omstilling.Sip.Security;

namespace Omstilling.Calls.Tests.Signalling;

public sealed class CallAdmissionTests
{
    private static readonly IPAddress Office = IPAddress.Parse("192.0.2.20");
    private static readonly IPAddress Trunk = IPAddress.Parse("192.0.2.50");

    private static CallAdmission Limited(int perAccount = 2, int perAddress = 3) =>
        new(AbuseLimits.Default with { Allowed = [new IPNetwork(Trunk, 32)], MaxCallsPerAccount = perAccount, MaxCallsPerAddress = perAddress });

    [Fact]
    public void An_account_at_its_limit_is_refused_until_one_of_its_calls_ends()
    {
        var admission = Limited();
        var first = Guid.NewGuid();
        Assert.Equal(Omstilling.Calls.Signalling.Admission.Admitted, admission.TryAdmit("2001", Office, out var lease));
        admission.Hold(first, lease);
        Assert.Equal(Omstilling.Calls.Signalling.Admission.Admitted, admission.TryAdmit("2001", Office, out lease));
        admission.Hold(Guid.NewGuid(), lease);

        Assert.Equal(Omstilling.Calls.Signalling.Admission.TooManyForAccount, admission.TryAdmit("2001", Office, out _));
        Assert.Equal(2, admission.CallsOf("2001"));
        Assert.Equal(2, admission.CallsFrom(Office));

        admission.Release(first);

        Assert.Equal(Omstilling.Calls.Signalling.Admission.Admitted, admission.TryAdmit("2001", Office, out _));
    }

    [Fact]
    public void An_address_at_its_limit_is_refused_whoever_calls_and_a_refusal_counts_nothing()
    {
        var admission = Limited(perAccount: 10, perAddress: 2);
        admission.TryAdmit("2001", Office, out _);
        admission.TryAdmit(null, Office, out _);

        Assert.Equal(Omstilling.Calls.Signalling.Admission.TooManyFromAddress, admission.TryAdmit("2002", Office, out var refused));
        Assert.True(refused.IsEmpty);
        Assert.Equal(0, admission.CallsOf("2002"));
        Assert.Equal(2, admission.CallsFrom(Office));
    }

    [Fact]
    public void Calls_from_an_allowed_address_are_not_counted_by_address()
    {
        var admission = Limited(perAddress: 1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Omstilling.Calls.Signalling.Admission.Admitted, admission.TryAdmit(null, Trunk, out var lease));
            Assert.True(lease.IsEmpty);
        }

        Assert.Equal(0, admission.CallsFrom(Trunk));
    }

    [Fact]
    public void Without_limits_nothing_is_counted_and_zero_means_no_limit()
    {
        var none = new CallAdmission(null);
        var unlimited = Limited(perAccount: 0, perAddress: 0);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Omstilling.Calls.Signalling.Admission.Admitted, none.TryAdmit("2001", Office, out _));
            Assert.Equal(Omstilling.Calls.Signalling.Admission.Admitted, unlimited.TryAdmit("2001", Office, out _));
        }

        Assert.Equal(0, none.CallsOf("2001"));
        Assert.Equal(100, unlimited.CallsOf("2001"));
    }

    [Fact]
    public void Releasing_every_call_forgets_the_account_and_the_address()
    {
        var admission = Limited();
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in ids)
        {
            admission.TryAdmit("2001", Office, out var lease);
            admission.Hold(id, lease);
        }

        foreach (var id in ids)
        {
            admission.Release(id);
            admission.Release(id); // a second release of the same call gives nothing back twice
        }

        Assert.Equal(0, admission.CallsOf("2001"));
        Assert.Equal(0, admission.CallsFrom(Office));
    }
}
