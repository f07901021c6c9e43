using Omstilling.Policy.Model;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>An action and where it is used: in a menu's option (menu id) or elsewhere (null).</summary>
internal sealed record ActionUse(PolicyAction Action, string Context, string? InMenu, bool IsOutsideHours);
