namespace Omstilling.Policy.Routing;

/// <summary>How a key press in a menu turned out.</summary>
public enum MenuChoiceOutcome
{
    /// <summary>The key chose an option offered now.</summary>
    Chosen = 0,
    /// <summary>No option on that key.</summary>
    NoSuchOption = 1,
    /// <summary>The option exists but is not offered now (out of season, switched off): invalid input.</summary>
    NotAvailableNow = 2,
}
