using Omstilling.Calls.Routing;

namespace Omstilling.Calls.Tests.Routing;

/// <summary>The dial plan reads numbers by the platform's one rule (DanishNumber), as the policy does.</summary>
public sealed class DialPlanTests
{
    private static readonly DialPlan Plan = new(new Dictionary<string, string> { ["54731000"] = "100" }, number => number is "100" or "2001");

    [Theory]
    [InlineData("54731000")]
    [InlineData("+4554731000")]
    [InlineData("004554731000")]
    [InlineData("54 73 10 00")]
    [InlineData("(+45) 54-73-10-00")]
    public void A_public_number_in_any_danish_form_leads_to_its_extension(string dialled)
    {
        var target = Plan.Resolve(dialled);

        Assert.NotNull(target);
        Assert.Equal("100", target.Extension);
        Assert.True(target.IsPublic);
        Assert.Equal("54731000", target.Number);
    }

    [Theory]
    [InlineData("5473+1000")]
    [InlineData("4554731000")]
    [InlineData("+4654731000")]
    public void A_plus_inside_the_number_or_another_country_is_not_the_public_number(string dialled)
    {
        Assert.Null(Plan.Resolve(dialled));
    }

    [Fact]
    public void An_extension_is_dialled_as_it_is()
    {
        Assert.Equal("2001", Plan.Resolve("2001")?.Extension);
        Assert.Null(Plan.Resolve("2002"));
    }
}
