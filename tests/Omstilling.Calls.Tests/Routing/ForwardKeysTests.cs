using Omstilling.Calls.Control;
using Omstilling.Calls.Routing;

namespace Omstilling.Calls.Tests.Routing;

/// <summary>The forwarding feature codes as phones send them (README, "Forwarding from the phone").</summary>
public sealed class ForwardKeysTests
{
    private static readonly DialPlan Plan = new(new Dictionary<string, string>(), number => number is "2001");

    [Theory]
    [InlineData("*21*2002#", ForwardCondition.Always, "2002")]
    [InlineData("*21*2002", ForwardCondition.Always, "2002")]
    [InlineData("*67*54731000#", ForwardCondition.Busy, "54731000")]
    [InlineData("*61*9#", ForwardCondition.NoAnswer, "9")]
    [InlineData("*21*+4520304050#", ForwardCondition.Always, "+4520304050")]
    [InlineData("#21#", ForwardCondition.Always, null)]
    [InlineData("#67#", ForwardCondition.Busy, null)]
    [InlineData("#61", ForwardCondition.NoAnswer, null)]
    public void A_code_gives_its_condition_and_number(string dialled, ForwardCondition condition, string? target)
    {
        var resolved = Plan.Resolve(dialled);

        Assert.NotNull(resolved);
        Assert.Equal(ServiceNumber.Forwarding, resolved.Service);
        Assert.False(resolved.IsPublic);
        Assert.Equal(new ForwardKeys(condition, target), resolved.Forward);
    }

    [Theory]
    [InlineData("*21*")]
    [InlineData("*21*#")]
    [InlineData("*21*+#")]
    [InlineData("*21**2002#")]
    [InlineData("*21*20a2#")]
    [InlineData("*21*2002##")]
    [InlineData("*21*12345678901234567#")]
    [InlineData("*22*2002#")]
    [InlineData("*21#")]
    [InlineData("#21*2002#")]
    [InlineData("#21##")]
    [InlineData("#2")]
    [InlineData("21*2002#")]
    public void Anything_else_is_no_forwarding_code(string dialled)
    {
        Assert.False(ForwardKeys.TryParse(dialled, out _));
        Assert.Null(Plan.Resolve(dialled));
    }

    [Fact]
    public void Every_prefix_of_a_code_is_read_without_throwing()
    {
        foreach (var code in new[] { "*21*2002#", "#61#", "*67*+4520304050#" })
        {
            for (var length = 0; length <= code.Length; length++)
            {
                _ = ForwardKeys.TryParse(code[..length], out _);
            }
        }
    }
}
