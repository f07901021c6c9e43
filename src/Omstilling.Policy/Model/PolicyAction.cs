using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>
/// One thing the policy says to do, unresolved: which extension, department, queue, menu,
/// message or number. Resolving it at an instant (hours, seasons, overrides) gives a
/// <see cref="Routing.RoutingDecision"/>.
/// </summary>
/// <param name="Target">
/// Extension digits, department/queue/menu id, prompt name, voicemail box (department id or
/// extension), a normalised number (8 digits for Danish numbers, "+" and digits otherwise), or
/// empty for <see cref="ActionKind.Back"/>, <see cref="ActionKind.Operator"/> and <see cref="ActionKind.Hangup"/>.
/// </param>
public sealed record PolicyAction(ActionKind Kind, string Target, SourceLocation Source)
{
    /// <summary>The number is a made-up example, not a real one (<c>example: true</c>).</summary>
    public bool IsExample { get; init; }

    /// <summary>After a message: what happens next (hang up when not given).</summary>
    public PolicyAction? Then { get; init; }

    /// <summary>The policy's own words for the target (e.g. "nattelefon"), quoted by explain.</summary>
    public string? Note { get; init; }
}
