using Omstilling.Policy.Outbound;

namespace Omstilling.Policy.Tests.Outbound;

/// <summary>The toll-fraud rule on its own: classifying dialled strings and deciding per class of service.</summary>
public sealed class OutboundPermissionTests
{
    /// <summary>As the bundled policy: Denmark and the neighbours, Lolland-Falster local, 90 premium.</summary>
    private static readonly OutboundPermission Rule = new(["+45", "+46", "+47", "+49"], ["54"], ["90"]);

    [Theory]
    [InlineData("54731000", NumberClass.Local, "54731000")]
    [InlineData("+4554731000", NumberClass.Local, "54731000")]
    [InlineData("004533123456", NumberClass.National, "33123456")]
    [InlineData("33123456", NumberClass.National, "33123456")]
    [InlineData("90123456", NumberClass.Premium, "90123456")]
    [InlineData("+4590123456", NumberClass.Premium, "90123456")]
    [InlineData("0046812345678", NumberClass.International, "+46812345678")]
    [InlineData("+882123456789", NumberClass.International, "+882123456789")]
    [InlineData("112", NumberClass.Emergency, "112")]
    [InlineData("114", NumberClass.Emergency, "114")]
    public void Dialled_numbers_outside_are_classified_and_written_for_the_trunk(string dialled, NumberClass expected, string number)
    {
        var verdict = Rule.Classify(dialled);

        Assert.Equal(new OutboundVerdict(OutboundOutcome.Allowed, expected, number), verdict);
    }

    [Theory]
    [InlineData("5473 1000")]
    [InlineData("54731000;phone-context=x")]
    [InlineData("sip:54731000")]
    [InlineData("4+554731000")]
    [InlineData("")]
    [InlineData("123456789012345678901")]
    [InlineData("5473\u00a01000")]
    public void Anything_but_digits_plus_star_and_hash_is_malformed(string dialled)
    {
        Assert.Equal(OutboundOutcome.Malformed, Rule.Check(ClassOfService.International, dialled).Outcome);
    }

    [Theory]
    [InlineData("2010")]
    [InlineData("1813")]
    [InlineData("118")]
    [InlineData("*21*33123456#")]
    [InlineData("09123456")]
    [InlineData("+450123456")]
    [InlineData("0046")]
    public void Extensions_short_codes_and_feature_codes_are_no_number_outside(string dialled)
    {
        Assert.Equal(new OutboundVerdict(OutboundOutcome.NotANumber, NumberClass.None, null), Rule.Check(ClassOfService.International, dialled));
    }

    [Theory]
    [InlineData(ClassOfService.Internal, "54731000", OutboundOutcome.ClassOfService)]
    [InlineData(ClassOfService.Local, "54731000", OutboundOutcome.Allowed)]
    [InlineData(ClassOfService.Local, "33123456", OutboundOutcome.ClassOfService)]
    [InlineData(ClassOfService.National, "33123456", OutboundOutcome.Allowed)]
    [InlineData(ClassOfService.National, "0046812345678", OutboundOutcome.ClassOfService)]
    [InlineData(ClassOfService.International, "0046812345678", OutboundOutcome.Allowed)]
    [InlineData(ClassOfService.International, "004412345678", OutboundOutcome.NotAllowedByPolicy)]
    [InlineData(ClassOfService.International, "+882123456789", OutboundOutcome.NotAllowedByPolicy)]
    public void A_number_needs_a_class_of_service_that_reaches_it_and_a_pattern_that_names_it(ClassOfService classOfService, string dialled, OutboundOutcome expected)
    {
        Assert.Equal(expected, Rule.Check(classOfService, dialled).Outcome);
    }

    [Theory]
    [InlineData(ClassOfService.National)]
    [InlineData(ClassOfService.International)]
    public void A_premium_number_is_refused_in_every_class_when_only_plus45_is_allowed(ClassOfService classOfService)
    {
        Assert.Equal(OutboundOutcome.NotAllowedByPolicy, Rule.Check(classOfService, "90123456").Outcome);
        Assert.Equal(OutboundOutcome.NotAllowedByPolicy, OutboundPermission.Default.Check(classOfService, "+4590123456").Outcome);
    }

    [Fact]
    public void A_premium_number_is_allowed_only_by_a_pattern_that_reaches_into_its_prefix()
    {
        var rule = new OutboundPermission(["+45", "+459012"], [], ["90"]);

        Assert.True(rule.Check(ClassOfService.National, "90123456").IsAllowed);
        Assert.Equal(OutboundOutcome.NotAllowedByPolicy, rule.Check(ClassOfService.National, "90223456").Outcome);
        Assert.Equal(OutboundOutcome.ClassOfService, rule.Check(ClassOfService.Local, "90123456").Outcome);
    }

    [Theory]
    [InlineData(ClassOfService.Internal, "112")]
    [InlineData(ClassOfService.Internal, "114")]
    public void Emergency_numbers_are_allowed_to_every_class_and_without_a_pattern(ClassOfService classOfService, string dialled)
    {
        var rule = new OutboundPermission([], [], ["90"]);

        Assert.True(rule.Check(classOfService, dialled).IsAllowed);
    }

    [Fact]
    public void Without_an_outbound_section_Danish_numbers_are_allowed_and_numbers_abroad_are_not()
    {
        Assert.True(OutboundPermission.Default.Check(ClassOfService.National, "33123456").IsAllowed);
        Assert.Equal(OutboundOutcome.NotAllowedByPolicy, OutboundPermission.Default.Check(ClassOfService.International, "0046812345678").Outcome);
    }

    [Theory]
    [InlineData("internal", ClassOfService.Internal)]
    [InlineData("local", ClassOfService.Local)]
    [InlineData("national", ClassOfService.National)]
    [InlineData("international", ClassOfService.International)]
    public void Class_of_service_names_read_and_write_the_same(string name, ClassOfService classOfService)
    {
        Assert.True(OutboundPermission.TryParseClass(name, out var parsed));
        Assert.Equal(classOfService, parsed);
        Assert.Equal(name, OutboundPermission.Name(classOfService));
    }

    [Theory]
    [InlineData("National")]
    [InlineData("premium")]
    [InlineData(null)]
    public void Other_class_names_are_not_read(string? name)
    {
        Assert.False(OutboundPermission.TryParseClass(name, out _));
    }
}
