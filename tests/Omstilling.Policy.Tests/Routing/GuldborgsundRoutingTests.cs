using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;
using static Omstilling.Policy.Tests.Guldborgsund;

namespace Omstilling.Policy.Tests.Routing;

/// <summary>Every branch of the bundled Guldborgsund policy, at instants of a fake calendar (never the clock).</summary>
public sealed class GuldborgsundRoutingTests
{
    private static RoutingDecision Route(string number, string local, IPolicyState? state = null) =>
        Bundled.Route(number, At(local), state ?? PolicyState.Staffed);

    private static void AssertAfterHoursMenu(RoutingDecision decision, RuleKind rule)
    {
        Assert.Equal(DecisionKind.Menu, decision.Kind);
        Assert.Equal("efter-lukketid", decision.Menu!.Value.Menu.Id);
        Assert.Equal(rule, decision.Rule.Kind);
        Assert.False(decision.Rule.IsOpen);
        Assert.Equal("switchboard", decision.Rule.UnitId);
    }

    [Fact]
    public void Main_number_on_a_working_day_queues_for_the_operators_after_the_greeting()
    {
        var decision = Route(MainNumber, "2026-01-13 10:00");

        Assert.Equal(DecisionKind.Queue, decision.Kind);
        Assert.Equal(RuleKind.WithinHours, decision.Rule.Kind);
        Assert.Equal("Guldborgsund Kommune - Goddag.", decision.Greeting!.Text);
        Assert.Equal("hovedomstilling", decision.Queue!.Id);
        Assert.Equal(["100", "101", "102", "103"], decision.Extensions.AsEnumerable());
        Assert.Equal(new RingLimit(4, TimeSpan.FromSeconds(5)), decision.RingLimit);
        Assert.Equal(TimeSpan.FromSeconds(20), decision.RingLimit.Duration);
        Assert.Equal(ActionKind.Menu, decision.OnBusy!.Kind);
        Assert.Equal("automatisk-omstilling", decision.OnBusy.Target);
        Assert.Equal(ActionKind.Voicemail, decision.OnNoAnswer!.Kind);
        Assert.Equal("efter-lukketid", decision.OutsideHours!.Target);
    }

    [Theory]
    [InlineData("54731000")]
    [InlineData("54 73 10 00")]
    [InlineData("+4554731000")]
    [InlineData("004554731000")]
    public void The_main_number_is_found_in_every_written_form(string dialled)
    {
        Assert.Equal(NumberKind.MainNumber, Route(dialled, "2026-01-13 10:00").Number!.Kind);
    }

    [Fact]
    public void Main_number_with_no_operator_logged_in_gives_the_automated_attendant()
    {
        var decision = Route(MainNumber, "2026-01-13 10:00", PolicyState.Unstaffed);

        Assert.Equal(DecisionKind.Menu, decision.Kind);
        Assert.Equal("automatisk-omstilling", decision.Menu!.Value.Menu.Id);
        Assert.Equal(RuleKind.NoOperatorLoggedIn, decision.Rule.Kind);
    }

    [Fact]
    public void Main_number_on_a_working_day_evening_gives_the_after_hours_menu()
    {
        AssertAfterHoursMenu(Route(MainNumber, "2026-01-13 19:00"), RuleKind.AfterClosing);
    }

    [Fact]
    public void Main_number_before_opening_gives_the_after_hours_menu()
    {
        AssertAfterHoursMenu(Route(MainNumber, "2026-01-13 07:59"), RuleKind.BeforeOpening);
    }

    [Fact]
    public void Main_number_is_open_until_the_last_minute_and_closed_at_closing_time()
    {
        Assert.Equal(DecisionKind.Queue, Route(MainNumber, "2026-01-13 14:59").Kind);
        AssertAfterHoursMenu(Route(MainNumber, "2026-01-13 15:00"), RuleKind.AfterClosing);
    }

    [Fact]
    public void Main_number_on_a_Saturday_gives_the_after_hours_menu()
    {
        AssertAfterHoursMenu(Route(MainNumber, "2026-01-17 11:00"), RuleKind.ClosedWeekday);
    }

    [Theory]
    [InlineData("2026-04-02 10:00", DanishDay.MaundyThursday)]
    [InlineData("2026-04-03 10:00", DanishDay.GoodFriday)]
    [InlineData("2026-04-05 10:00", DanishDay.EasterSunday)]
    [InlineData("2026-04-06 10:00", DanishDay.EasterMonday)]
    [InlineData("2026-05-14 10:00", DanishDay.AscensionDay)]
    [InlineData("2026-05-25 10:00", DanishDay.WhitMonday)]
    [InlineData("2023-05-05 10:00", DanishDay.GreatPrayerDay)]
    [InlineData("2026-12-25 10:00", DanishDay.ChristmasDay)]
    [InlineData("2027-01-01 10:00", DanishDay.NewYearsDay)]
    public void Main_number_on_a_public_holiday_gives_the_after_hours_menu(string local, DanishDay day)
    {
        var decision = Route(MainNumber, local);

        AssertAfterHoursMenu(decision, RuleKind.PublicHoliday);
        Assert.Equal(day, decision.Rule.Day);
    }

    [Fact]
    public void Store_Bededag_2024_is_an_ordinary_Friday()
    {
        var decision = Route(MainNumber, "2024-04-26 10:00");

        Assert.Equal(DecisionKind.Queue, decision.Kind);
        Assert.Equal(RuleKind.WithinHours, decision.Rule.Kind);
        Assert.Equal(DanishDay.None, decision.Rule.Day);
    }

    [Theory]
    [InlineData("2026-12-24 10:00", DanishDay.ChristmasEve)]
    [InlineData("2026-12-24 19:00", DanishDay.ChristmasEve)]
    [InlineData("2026-12-31 10:00", DanishDay.NewYearsEve)]
    public void The_optional_days_the_policy_closes_give_the_after_hours_menu(string local, DanishDay day)
    {
        var decision = Route(MainNumber, local);

        AssertAfterHoursMenu(decision, RuleKind.OptionalClosingDay);
        Assert.Equal(day, decision.Rule.Day);
        Assert.Equal(27, decision.Rule.Source!.Value.Line);
    }

    [Fact]
    public void Grundlovsdag_is_a_half_day_closing_at_noon()
    {
        var morning = Route(MainNumber, "2026-06-05 11:59");
        var afternoon = Route(MainNumber, "2026-06-05 12:00");

        Assert.Equal(DecisionKind.Queue, morning.Kind);
        Assert.Equal(DanishDay.ConstitutionDay, morning.Rule.Day);
        AssertAfterHoursMenu(afternoon, RuleKind.HalfDay);
    }

    [Fact]
    public void Borgerservice_in_its_hours_rings_its_three_phones_with_the_switchboard_as_overflow()
    {
        var decision = Route(Borgerservice, "2026-01-13 10:00");

        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.Equal("borgerservice", decision.Unit!.Id);
        Assert.Equal(["2010", "2011", "2012"], decision.Extensions.AsEnumerable());
        Assert.Equal(NumberVisibility.Public, decision.Number!.Visibility);
        Assert.True(decision.Number.IsExample);
        Assert.Equal(ActionKind.Operator, decision.OnBusy!.Kind);
        Assert.Equal(ActionKind.Operator, decision.OnNoAnswer!.Kind);
    }

    [Fact]
    public void Borgerservice_before_its_own_later_opening_plays_the_closed_message()
    {
        var decision = Route(Borgerservice, "2026-01-13 09:00");

        Assert.Equal(DecisionKind.Message, decision.Kind);
        Assert.Equal("lukket", decision.Message!.Name);
        Assert.Null(decision.AfterMessage);
        Assert.Equal(RuleKind.BeforeOpening, decision.Rule.Kind);
        Assert.Equal("borgerservice", decision.Rule.UnitId);
    }

    [Fact]
    public void A_persons_extension_rings_at_any_hour_and_the_persons_own_rule_overrides_the_department()
    {
        var decision = Route("2012", "2026-01-17 23:00");

        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.Equal(RuleKind.PersonalPhone, decision.Rule.Kind);
        Assert.Equal("Camilla Holm", decision.Person!.Name);
        Assert.Equal(["2012"], decision.Extensions.AsEnumerable());
        Assert.Equal(ActionKind.Operator, decision.OnBusy!.Kind);
        Assert.Equal(ActionKind.Voicemail, decision.OnNoAnswer!.Kind);
        Assert.Equal("2012", decision.OnNoAnswer.Target);
    }

    [Fact]
    public void An_operators_extension_rings_that_operator()
    {
        var decision = Route("101", "2026-01-13 10:00");

        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.Equal(["101"], decision.Extensions.AsEnumerable());
        Assert.Equal(NumberOwner.Operator, decision.Number!.Owner);
    }

    [Fact]
    public void Partner_numbers_are_in_the_plan_as_partners_only()
    {
        foreach (var number in new[] { "54 73 20 30", "54 73 20 35", "54 73 20 41", "54 73 20 42", "54 73 20 43", "54 73 20 44" })
        {
            Assert.Equal(NumberVisibility.PartnersOnly, Route(number, "2026-01-13 10:00").Number!.Visibility);
        }
    }

    [Fact]
    public void Home_care_district_at_10_on_a_Tuesday_rings_the_district_phone()
    {
        var decision = Route(District1, "2026-01-13 10:00");

        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.Equal(["2041"], decision.Extensions.AsEnumerable());
        Assert.Equal("hjemmehjaelp-distrikt-1", decision.Unit!.Id);
        Assert.Equal(RuleKind.WithinHours, decision.Rule.Kind);
        Assert.Equal(ActionKind.Department, decision.OnNoAnswer!.Kind);
        Assert.Equal("aften-og-nattevagt", decision.OnNoAnswer.Target);
    }

    [Theory]
    [InlineData("2026-01-13 22:00", RuleKind.AfterClosing)]
    [InlineData("2026-01-13 06:00", RuleKind.BeforeOpening)]
    [InlineData("2026-01-17 10:00", RuleKind.ClosedWeekday)]
    [InlineData("2026-04-06 10:00", RuleKind.PublicHoliday)]
    public void Home_care_district_evenings_nights_weekends_and_holidays_rings_the_night_phones(string local, RuleKind rule)
    {
        var decision = Route(District1, local);

        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.Equal(["2090", "2091"], decision.Extensions.AsEnumerable());
        Assert.Equal("aften-og-nattevagt", decision.Unit!.Id);
        Assert.Equal(rule, decision.Rule.Kind);
        Assert.Equal("hjemmehjaelp-distrikt-1", decision.Rule.UnitId);
        Assert.Equal(ActionKind.External, decision.OnNoAnswer!.Kind);
        Assert.Equal("20304090", decision.OnNoAnswer.Target);
    }

    [Fact]
    public void A_number_not_in_the_plan_is_not_found()
    {
        var decision = Route("54 73 99 99", "2026-01-13 10:00");

        Assert.Equal(DecisionKind.NotFound, decision.Kind);
        Assert.Equal(RuleKind.NumberNotInPlan, decision.Rule.Kind);
        Assert.Equal(DecisionKind.NotFound, Route("sip:hacker", "2026-01-13 10:00").Kind);
        Assert.Equal(DecisionKind.NotFound, Route("+46 8 123 456 78", "2026-01-13 10:00").Kind);
    }

    [Fact]
    public void Routing_is_deterministic()
    {
        var instant = At("2026-01-13 19:00");
        var first = Bundled.Route(MainNumber, instant, PolicyState.Staffed);
        var second = Bundled.Route(MainNumber, instant, PolicyState.Staffed);

        Assert.Equal(first.Kind, second.Kind);
        Assert.Equal(first.Rule, second.Rule);
        Assert.Equal(first.Menu, second.Menu);
    }
}
