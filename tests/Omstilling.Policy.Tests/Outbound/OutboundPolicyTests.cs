using Omstilling.Policy.Explaining;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Outbound;

namespace Omstilling.Policy.Tests.Outbound;

/// <summary>The policy's <c>outbound:</c> section: read, defaulted, its mistakes reported where they are, explained.</summary>
public sealed class OutboundPolicyTests
{
    private const string Minimal = """
        organisation: Testkommune
        time-zone: Europe/Copenhagen
        prompts:
          lukket: Vi har lukket.
        switchboard:
          number: 54 73 10 00
          operators: [100]
          overflow:
            outside-hours:
              message: lukket
        """;

    [Fact]
    public void The_section_is_read_and_without_it_Danish_numbers_but_premium_are_allowed()
    {
        var result = PolicyLoader.Load(Minimal + "\noutbound:\n  allow: [\"+45\", \"+46\"]\n  local: [\"54\", \"55\"]\n  premium: [\"90\", \"80\"]\n", "outbound.yaml");

        Assert.True(result.Succeeded, result.Report());
        var outbound = result.Policy!.Outbound;
        Assert.Equal<string>(["+45", "+46"], outbound.Allow);
        Assert.Equal<string>(["54", "55"], outbound.LocalPrefixes);
        Assert.Equal<string>(["90", "80"], outbound.PremiumPrefixes);
        Assert.Same(OutboundPermission.Default, PolicyLoader.Load(Minimal, "minimal.yaml").Policy!.Outbound);
    }

    [Fact]
    public void The_bundled_policy_allows_Denmark_and_the_neighbours_and_no_premium_numbers()
    {
        var outbound = Guldborgsund.Bundled.Outbound;

        Assert.True(outbound.Check(ClassOfService.International, "0046812345678").IsAllowed);
        Assert.Equal(OutboundOutcome.NotAllowedByPolicy, outbound.Check(ClassOfService.International, "90123456").Outcome);
        Assert.Equal(NumberClass.Local, outbound.Classify("54731000").Class);
    }

    [Theory]
    [InlineData("  allow: [\"45\"]\n", "outbound.yaml:12:11: error: outbound: '45' in 'allow' is not a number pattern; expected '+' and 1 to 15 digits, e.g. +45 (every Danish number) or +46 (Sweden)")]
    [InlineData("  allow: [\"+4 5\"]\n", "outbound.yaml:12:11: error: outbound: '+4 5' in 'allow' is not a number pattern; expected '+' and 1 to 15 digits, e.g. +45 (every Danish number) or +46 (Sweden)")]
    [InlineData("  allow: [\"+45\", \"+45\"]\n", "outbound.yaml:12:18: error: outbound: '+45' is twice in 'allow'; expected each once")]
    [InlineData("  allow: \"+45\"\n", "outbound.yaml:12:10: error: 'allow' in outbound must be a list of number patterns such as [\"+45\", \"+46\"], not a text")]
    [InlineData("  local: [\"5x\"]\n", "outbound.yaml:12:11: error: outbound: '5x' in 'local' is not a prefix of Danish numbers; expected 1 to 7 digits, e.g. 54")]
    [InlineData("  premium: [\"90123456\"]\n", "outbound.yaml:12:13: error: outbound: '90123456' in 'premium' is not a prefix of Danish numbers; expected 1 to 7 digits, e.g. 90")]
    [InlineData("  premium: [[90]]\n", "outbound.yaml:12:13: error: outbound: each item of 'premium' must be a text, not a list; expected a list of prefixes of Danish numbers such as [\"90\"]")]
    [InlineData("  deny: [\"+882\"]\n", "outbound.yaml:12:3: error: unknown key 'deny' in outbound; expected one of: allow, local, premium")]
    public void A_mistake_in_the_section_is_an_error_at_its_place(string body, string expected)
    {
        var result = PolicyLoader.Load(Minimal + "\noutbound:\n" + body, "outbound.yaml");

        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void An_external_forward_to_a_number_the_section_does_not_allow_is_an_error_at_the_forward()
    {
        var policy = Minimal.Replace("      message: lukket", "      external: 90 12 34 56", StringComparison.Ordinal);

        var result = PolicyLoader.Load(policy, "forward.yaml");

        Assert.Equal(
            "forward.yaml:10:17: error: outside-hours of the switchboard forwards to 90123456, which 'outbound' does not allow (a premium-rate number needs a pattern of outbound: allow that names its premium prefix); expected a number one of the patterns of outbound: allow names (+45)",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Theory]
    [InlineData(ClassOfService.National, "0046812345678", ExplainLanguage.Danish, "En telefon med rettigheden national må ikke ringe til 0046812345678 (numre i udlandet): Din telefon må ikke ringe til numre i udlandet. Tilladte mønstre: +45, +46, +47, +49.")]
    [InlineData(ClassOfService.International, "0046812345678", ExplainLanguage.English, "A phone with class of service international may call 0046812345678 (a number abroad) through the trunk; the trunk is sent +46812345678. Allowed patterns: +45, +46, +47, +49.")]
    [InlineData(ClassOfService.International, "90123456", ExplainLanguage.English, "A phone with class of service international may not call 90123456 (a premium-rate number): a premium-rate number needs a pattern of outbound: allow that names its premium prefix. Allowed patterns: +45, +46, +47, +49.")]
    public void Explain_says_whether_a_class_of_service_may_call_a_number_and_why(ClassOfService classOfService, string dialled, ExplainLanguage language, string expected)
    {
        Assert.Equal(expected, OutboundWords.Explain(Guldborgsund.Bundled.Outbound, classOfService, dialled, language));
    }
}
