using Omstilling.Policy.Routing;
using static Omstilling.Policy.Tests.Guldborgsund;

namespace Omstilling.Policy.Tests.Routing;

/// <summary>Manual overrides from live state: the switchboard closed until a time, a department opened.</summary>
public sealed class OverrideTests
{
    [Fact]
    public void An_admin_closes_the_switchboard_until_13_and_it_opens_again_by_its_hours()
    {
        var closed = new ManualOverride(OverrideTargetKind.Switchboard, string.Empty, OverrideMode.ForceClosed)
        {
            Until = At("2026-01-13 13:00"),
            Reason = "Personalemøde",
        };
        var state = new PolicyState([closed], true);

        var during = Bundled.Route(MainNumber, At("2026-01-13 12:30"), state);
        var after = Bundled.Route(MainNumber, At("2026-01-13 13:00"), state);

        Assert.Equal(DecisionKind.Menu, during.Kind);
        Assert.Equal(RuleKind.ManualOverride, during.Rule.Kind);
        Assert.Same(closed, during.Rule.Override);
        Assert.Equal(DecisionKind.Queue, after.Kind);
    }

    [Fact]
    public void An_override_that_has_not_started_yet_does_nothing()
    {
        var later = new ManualOverride(OverrideTargetKind.Switchboard, string.Empty, OverrideMode.ForceClosed) { From = At("2026-01-14 08:00") };

        Assert.Equal(DecisionKind.Queue, Bundled.Route(MainNumber, At("2026-01-13 12:30"), new PolicyState([later], true)).Kind);
    }

    [Fact]
    public void An_admin_opens_a_department_on_a_Saturday()
    {
        var open = new ManualOverride(OverrideTargetKind.Department, "borgerservice", OverrideMode.ForceOpen);

        var decision = Bundled.Route(Borgerservice, At("2026-01-17 10:00"), new PolicyState([open], true));

        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.True(decision.Rule.IsOpen);
        Assert.Equal(RuleKind.ManualOverride, decision.Rule.Kind);
    }

    [Fact]
    public void An_override_of_another_department_does_not_apply()
    {
        var open = new ManualOverride(OverrideTargetKind.Department, "jobcenter", OverrideMode.ForceOpen);

        Assert.Equal(DecisionKind.Message, Bundled.Route(Borgerservice, At("2026-01-17 10:00"), new PolicyState([open], true)).Kind);
    }
}
