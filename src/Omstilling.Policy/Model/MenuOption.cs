using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>
/// One key of a menu: the digit, what the caller is told ("Tast 5 for Snevagten"), what it does,
/// and when it is offered.
/// </summary>
/// <param name="Id">For overrides: the option's <c>id:</c>, or "menu-id/digit".</param>
/// <param name="SpokenText">The Danish text of its prompt, or "Tast {digit} for {label}." when it names none.</param>
public sealed record MenuOption(char Digit, string Id, string Label, string SpokenText, PolicyAction Action, SourceLocation Source)
{
    public string? PromptName { get; init; }

    public OptionAvailability Availability { get; init; } = OptionAvailability.Always;

    /// <summary>Position in the menu, 0-based (bit in <see cref="Routing.ResolvedMenu.AvailableMask"/>).</summary>
    public int Index { get; init; }
}
