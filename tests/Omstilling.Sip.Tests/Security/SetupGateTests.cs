using Omstilling.Sip.Security;

namespace Omstilling.Sip.Tests.Security;

public sealed class SetupGateTests
{
    [Fact]
    public void At_the_limit_the_next_INVITE_is_refused_until_one_in_setup_is_answered()
    {
        var gate = new SetupGate(2);

        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
        Assert.Equal(2, gate.InSetup);

        gate.Exit();

        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
    }

    [Fact]
    public void A_limit_of_zero_lets_every_INVITE_in_and_still_counts_them()
    {
        var gate = new SetupGate(0);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(gate.TryEnter());
        }

        Assert.Equal(1000, gate.InSetup);
    }

    [Fact]
    public void A_closed_gate_refuses_every_new_INVITE_even_without_a_limit_while_those_in_setup_still_leave()
    {
        var gate = new SetupGate(0);
        Assert.True(gate.TryEnter());

        gate.Close();

        Assert.True(gate.IsClosed);
        Assert.False(gate.TryEnter());
        Assert.Equal(1, gate.InSetup);
        gate.Exit();
        Assert.Equal(0, gate.InSetup);
        Assert.False(gate.TryEnter());
    }

    [Fact]
    public void A_negative_limit_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetupGate(-1));
    }
}
