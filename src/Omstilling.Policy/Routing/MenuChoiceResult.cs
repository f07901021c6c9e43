using Omstilling.Policy.Model;

namespace Omstilling.Policy.Routing;

/// <summary>The result of a key press: the option and its action when chosen, otherwise invalid input.</summary>
public readonly record struct MenuChoiceResult(MenuChoiceOutcome Outcome, MenuOption? Option)
{
    public bool IsValid => Outcome == MenuChoiceOutcome.Chosen;

    /// <summary>What to do; resolve it with <see cref="TelephonePolicy.Resolve"/>. Null when invalid.</summary>
    public PolicyAction? Action => IsValid ? Option?.Action : null;
}
