using Omstilling.Policy.Model;

namespace Omstilling.Policy.Routing;

/// <summary>
/// A menu as offered at one instant: bit i of <see cref="AvailableMask"/> is set when
/// <c>Menu.Options[i]</c> is offered. A value, so resolving allocates nothing.
/// </summary>
public readonly record struct ResolvedMenu(Menu Menu, ulong AvailableMask)
{
    public bool IsAvailable(MenuOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return (AvailableMask & (1UL << option.Index)) != 0;
    }

    /// <summary>The options offered now, in digit order (allocates; not for the hot path).</summary>
    public IReadOnlyList<MenuOption> AvailableOptions
    {
        get
        {
            var mask = AvailableMask;
            return [.. Menu.Options.Where(o => (mask & (1UL << o.Index)) != 0)];
        }
    }

    /// <summary>What each digit does now: the option when offered, otherwise null (invalid input).</summary>
    public MenuOption? OptionFor(char key) =>
        Menu.OptionFor(key) is { } option && IsAvailable(option) ? option : null;
}
