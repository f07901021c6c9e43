namespace Omstilling.Directory.Model;

/// <summary>When a person's calls go elsewhere (the usual phone codes: *21* always, *67* on busy, *61* on no answer).</summary>
public enum ForwardingCondition
{
    /// <summary>Every call, without ringing the person's phone.</summary>
    Always,
    /// <summary>When the person is in a call (or no phone of theirs is registered).</summary>
    Busy,
    /// <summary>When the person does not answer within their ring limit.</summary>
    NoAnswer,
}

/// <summary>
/// A person's forwarding on one condition: where calls go (an extension, or a number of the plan
/// such as a department's or the main number), who set it and when. One per person and condition
/// (<see cref="Live.ForwardingBook"/>). Immutable.
/// </summary>
/// <param name="Target">The number as it is called: an extension, or eight national digits.</param>
/// <param name="SetBy">Who set it: the person's id, or an operator's or administrator's login.</param>
public sealed record Forwarding(string PersonId, ForwardingCondition Condition, string Target, DateTimeOffset SetAt, string SetBy);

/// <summary>The Danish words for forwarding, as the console and the staff pages say them.</summary>
public static class ForwardingText
{
    /// <summary>"altid", "ved optaget", "ved intet svar".</summary>
    public static string DanishLabel(this ForwardingCondition condition) => condition switch
    {
        ForwardingCondition.Always => "altid",
        ForwardingCondition.Busy => "ved optaget",
        ForwardingCondition.NoAnswer => "ved intet svar",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a forwarding condition."),
    };
}
