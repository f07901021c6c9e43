using Omstilling.Calls.Routing;

namespace Omstilling.Calls.Tests.Routing;

/// <summary>The absence feature codes as phones send them (README, "Absence from the phone").</summary>
public sealed class AbsenceKeysTests
{
    private static readonly DialPlan Plan = new(new Dictionary<string, string>(), number => number is "2010");

    [Theory]
    [InlineData("*41*1*1400#", 1, "14:00")]
    [InlineData("*41*1*1400", 1, "14:00")]
    [InlineData("*41*2*0905#", 2, "09:05")]
    [InlineData("*41*12*2359#", 12, "23:59")]
    [InlineData("*41*3#", 3, null)]
    [InlineData("*41*3", 3, null)]
    [InlineData("*41*9*0000#", 9, "00:00")]
    public void A_setting_code_gives_its_code_and_time(string dialled, int code, string? until)
    {
        var target = Plan.Resolve(dialled);

        Assert.NotNull(target);
        Assert.Equal(ServiceNumber.SetAbsence, target.Service);
        Assert.False(target.IsPublic);
        Assert.Equal(new AbsenceKeys(code, until is null ? null : TimeOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture)), target.Absence);
    }

    [Theory]
    [InlineData("#41#")]
    [InlineData("#41")]
    public void Hash_41_clears(string dialled)
    {
        var target = Plan.Resolve(dialled);

        Assert.NotNull(target);
        Assert.Equal(ServiceNumber.ClearAbsence, target.Service);
        Assert.Equal(new AbsenceKeys(null, null), target.Absence);
    }

    [Theory]
    [InlineData("*41*")]
    [InlineData("*41*#")]
    [InlineData("*41**1400#")]
    [InlineData("*41*123*1400#")]
    [InlineData("*41*1*2400#")]
    [InlineData("*41*1*1460#")]
    [InlineData("*41*1*140#")]
    [InlineData("*41*1*14000#")]
    [InlineData("*41*1*14:0#")]
    [InlineData("*41*a#")]
    [InlineData("*41*1*1400##")]
    [InlineData("*41*1**1400#")]
    [InlineData("*42*1#")]
    [InlineData("#41##")]
    [InlineData("##41#")]
    [InlineData("*41*٣#")]
    public void Anything_else_is_no_feature_code(string dialled)
    {
        Assert.False(AbsenceKeys.TryParse(dialled, out _));
        Assert.Null(Plan.Resolve(dialled));
    }

    [Fact]
    public void Every_prefix_of_a_code_is_read_without_throwing()
    {
        foreach (var code in new[] { "*41*1*1400#", "#41#", "*41*12#" })
        {
            for (var length = 0; length <= code.Length; length++)
            {
                _ = AbsenceKeys.TryParse(code[..length], out _);
            }
        }
    }
}
