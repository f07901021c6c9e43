using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Policy;

/// <summary>Menus at an instant: which options are offered, and what a key press does.</summary>
public sealed partial class TelephonePolicy
{
    /// <summary>The menu with the options offered at the instant (seasons, hours, overrides).</summary>
    public ResolvedMenu ResolveMenu(Menu menu, DateTimeOffset instant, IPolicyState state)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(state);
        return ResolveMenu(menu, new Moment(instant, ToLocal(instant)), state);
    }

    /// <summary>
    /// What a key does in a menu at an instant: the option (resolve its action with
    /// <see cref="Resolve"/>), or invalid input when no option is on the key or it is not offered now.
    /// </summary>
    public MenuChoiceResult MenuChoice(Menu menu, char key, DateTimeOffset instant, IPolicyState state)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(state);
        if (menu.OptionFor(key) is not { } option)
        {
            return new MenuChoiceResult(MenuChoiceOutcome.NoSuchOption, null);
        }

        var moment = new Moment(instant, ToLocal(instant));
        return IsOffered(option, moment, state)
            ? new MenuChoiceResult(MenuChoiceOutcome.Chosen, option)
            : new MenuChoiceResult(MenuChoiceOutcome.NotAvailableNow, option);
    }

    /// <summary>The override that decides whether an option is offered now, if any.</summary>
    public ManualOverride? FindOptionOverride(MenuOption option, DateTimeOffset instant, IPolicyState state)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(state);
        return FindOverride(OverrideTargetKind.MenuOption, option.Id, instant, state);
    }

    private ResolvedMenu ResolveMenu(Menu menu, Moment moment, IPolicyState state)
    {
        var mask = 0UL;
        foreach (var option in menu.Options)
        {
            if (IsOffered(option, moment, state))
            {
                mask |= 1UL << option.Index;
            }
        }

        return new ResolvedMenu(menu, mask);
    }

    private bool IsOffered(MenuOption option, Moment moment, IPolicyState state)
    {
        if (option.Availability.IsAlways && state.ManualOverrides.Count == 0 && PlannedOverrides.IsEmpty)
        {
            return true;
        }

        return FindOverride(OverrideTargetKind.MenuOption, option.Id, moment.Instant, state) is { } manual
            ? manual.Mode == OverrideMode.ForceOpen
            : option.Availability.IsAvailable(moment.Date, moment.MinuteOfDay);
    }
}
