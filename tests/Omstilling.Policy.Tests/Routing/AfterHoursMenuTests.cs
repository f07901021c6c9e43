using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using static Omstilling.Policy.Tests.Guldborgsund;

namespace Omstilling.Policy.Tests.Routing;

/// <summary>The vagtordning menu: what each key does at night, in winter and in summer.</summary>
public sealed class AfterHoursMenuTests
{
    private static Menu Menu(string id) => Bundled.Menus[id];

    private static RoutingDecision Choose(string menu, char key, string local)
    {
        var instant = At(local);
        var choice = Bundled.MenuChoice(Menu(menu), key, instant, PolicyState.Staffed);
        Assert.True(choice.IsValid, $"{key} in {menu}: {choice.Outcome}");
        return Bundled.Resolve(choice.Action!, instant, PolicyState.Staffed);
    }

    [Fact]
    public void The_after_hours_menu_offers_its_four_options()
    {
        var menu = Bundled.Route(MainNumber, At("2026-01-13 19:00"), PolicyState.Staffed).Menu!.Value;

        Assert.Equal(["1", "2", "3", "4"], menu.AvailableOptions.Select(o => o.Digit.ToString()));
        Assert.Equal("Tast 1 for Teknik og Miljø.", menu.OptionFor('1')!.SpokenText);
        Assert.Null(menu.OptionFor('7'));
    }

    [Fact]
    public void Key_1_opens_Teknik_og_Miljoe()
    {
        var decision = Choose("efter-lukketid", '1', "2026-01-13 19:00");

        Assert.Equal(DecisionKind.Menu, decision.Kind);
        Assert.Equal("teknik-og-miljoe", decision.Menu!.Value.Menu.Id);
        Assert.Equal("Teknik og Miljø. Vælg, hvad det drejer sig om.", decision.Menu.Value.Menu.Intro.Text);
    }

    [Theory]
    [InlineData('1', "20304031")]
    [InlineData('2', "20304032")]
    [InlineData('3', "20304033")]
    [InlineData('4', "20304034")]
    public void Teknik_og_Miljoe_options_forward_to_their_on_call_numbers(char key, string number)
    {
        var decision = Choose("teknik-og-miljoe", key, "2026-07-14 23:00");

        Assert.Equal(DecisionKind.Forward, decision.Kind);
        Assert.Equal(number, decision.ExternalNumber);
        Assert.True(decision.IsExample);
    }

    [Fact]
    public void On_a_winter_night_Snevagten_is_offered()
    {
        var menu = Bundled.ResolveMenu(Menu("teknik-og-miljoe"), At("2026-01-13 23:00"), PolicyState.Staffed);

        Assert.NotNull(menu.OptionFor('5'));
        var decision = Choose("teknik-og-miljoe", '5', "2026-01-13 23:00");
        Assert.Equal(DecisionKind.Forward, decision.Kind);
        Assert.Equal("20304035", decision.ExternalNumber);
    }

    [Fact]
    public void On_a_summer_night_Snevagten_is_not_offered_and_its_key_is_invalid_input()
    {
        var instant = At("2026-07-14 23:00");
        var menu = Bundled.ResolveMenu(Menu("teknik-og-miljoe"), instant, PolicyState.Staffed);
        var choice = Bundled.MenuChoice(Menu("teknik-og-miljoe"), '5', instant, PolicyState.Staffed);

        Assert.Null(menu.OptionFor('5'));
        Assert.DoesNotContain(menu.AvailableOptions, o => o.Label == "Snevagten");
        Assert.Equal(MenuChoiceOutcome.NotAvailableNow, choice.Outcome);
        Assert.False(choice.IsValid);
        Assert.Null(choice.Action);
    }

    [Theory]
    [InlineData("2026-10-31 23:00", false)]
    [InlineData("2026-11-01 00:00", true)]
    [InlineData("2027-03-31 23:59", true)]
    [InlineData("2027-04-01 00:00", false)]
    public void The_winter_season_wraps_over_New_Year_inclusive_at_both_ends(string local, bool offered)
    {
        var menu = Bundled.ResolveMenu(Menu("teknik-og-miljoe"), At(local), PolicyState.Staffed);

        Assert.Equal(offered, menu.OptionFor('5') is not null);
    }

    [Fact]
    public void An_admin_can_offer_Snevagten_early_until_a_set_time()
    {
        var manual = new ManualOverride(OverrideTargetKind.MenuOption, "snevagten", OverrideMode.ForceOpen)
        {
            Until = At("2026-10-20 08:00"),
            Reason = "Tidlig sne",
        };
        var state = new PolicyState([manual], true);

        Assert.True(Bundled.MenuChoice(Menu("teknik-og-miljoe"), '5', At("2026-10-19 23:00"), state).IsValid);
        Assert.False(Bundled.MenuChoice(Menu("teknik-og-miljoe"), '5', At("2026-10-20 23:00"), state).IsValid);
    }

    [Fact]
    public void A_key_with_no_option_is_no_such_option()
    {
        var choice = Bundled.MenuChoice(Menu("efter-lukketid"), '7', At("2026-01-13 19:00"), PolicyState.Staffed);

        Assert.Equal(MenuChoiceOutcome.NoSuchOption, choice.Outcome);
        Assert.Equal(MenuChoiceOutcome.NoSuchOption, Bundled.MenuChoice(Menu("efter-lukketid"), 'x', At("2026-01-13 19:00"), PolicyState.Staffed).Outcome);
    }

    [Fact]
    public void Key_2_forwards_to_Redningsberedskabet()
    {
        var decision = Choose("efter-lukketid", '2', "2026-01-13 19:00");

        Assert.Equal(DecisionKind.Forward, decision.Kind);
        Assert.Equal("20304020", decision.ExternalNumber);
    }

    [Fact]
    public void Key_3_then_a_district_at_night_rings_the_night_phones()
    {
        var submenu = Choose("efter-lukketid", '3', "2026-01-13 22:00");
        Assert.Equal("hjemmehjaelp", submenu.Menu!.Value.Menu.Id);

        var decision = Choose("hjemmehjaelp", '3', "2026-01-13 22:00");

        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.Equal(["2090", "2091"], decision.Extensions.AsEnumerable());
        Assert.Equal("hjemmehjaelp-distrikt-3", decision.Rule.UnitId);
    }

    [Fact]
    public void Key_4_plays_the_message_for_other_matters_and_hangs_up()
    {
        var decision = Choose("efter-lukketid", '4', "2026-01-13 19:00");

        Assert.Equal(DecisionKind.Message, decision.Kind);
        Assert.Equal("andre-henvendelser", decision.Message!.Name);
        Assert.Null(decision.AfterMessage);
    }

    [Fact]
    public void Key_9_goes_back()
    {
        Assert.Equal(DecisionKind.Back, Choose("teknik-og-miljoe", '9', "2026-01-13 19:00").Kind);
        Assert.Equal(DecisionKind.Back, Choose("hjemmehjaelp", '9', "2026-01-13 19:00").Kind);
    }

    [Fact]
    public void The_automated_attendant_transfers_to_departments_or_back_to_the_queue()
    {
        var borgerservice = Choose("automatisk-omstilling", '1', "2026-01-13 11:00");
        var wait = Choose("automatisk-omstilling", '9', "2026-01-13 11:00");

        Assert.Equal(["2010", "2011", "2012"], borgerservice.Extensions.AsEnumerable());
        Assert.Equal(DecisionKind.Queue, wait.Kind);
        Assert.True(wait.Queue!.AnnouncePosition);
    }
}
