using System.Diagnostics;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Web.Contact;

/// <summary>
/// What a caller to the main number meets outside its hours, as the policy resolves it now: the
/// switchboard's outside-hours rule and, for a menu, the keys offered at this instant (a season's
/// option only in its season), sub-menus too. Numbers the menus forward to are not published:
/// the caller reaches them through the main number. Pure.
/// </summary>
internal static class ContactAfterHoursBuilder
{
    /// <summary>How deep sub-menus are followed.</summary>
    private const int MaxMenuDepth = 4;

    public static ContactAfterHours Build(TelephonePolicy policy, ContactNumber mainNumber, bool inForceNow, DateTimeOffset instant)
    {
        if (policy.Switchboard.Overflow.OutsideHours is not { } outside)
        {
            return new ContactAfterHours(inForceNow, mainNumber, null, []);
        }

        var decision = policy.Resolve(outside, instant, PolicyState.Staffed);
        return decision.Kind switch
        {
            DecisionKind.Menu when decision.Menu is { } menu =>
                new ContactAfterHours(inForceNow, mainNumber, menu.Menu.Intro.Text, Options(policy, menu, instant, new HashSet<string>(StringComparer.Ordinal) { menu.Menu.Id })),
            DecisionKind.Message => new ContactAfterHours(inForceNow, mainNumber, decision.Message?.Text, []),
            DecisionKind.Ring or DecisionKind.Queue => new ContactAfterHours(inForceNow, mainNumber,
                decision.Unit is { } unit ? $"Opkaldet stilles videre til {unit.Name}." : "Opkaldet stilles videre.", []),
            DecisionKind.Forward => new ContactAfterHours(inForceNow, mainNumber, "Opkaldet stilles videre til en vagttelefon.", []),
            DecisionKind.Voicemail => new ContactAfterHours(inForceNow, mainNumber, "Du kan indtale en besked.", []),
            DecisionKind.Menu or DecisionKind.NotFound or DecisionKind.Back or DecisionKind.Hangup => new ContactAfterHours(inForceNow, mainNumber, null, []),
            _ => throw new UnreachableException($"Not a decision kind: {decision.Kind}"),
        };
    }

    private static List<ContactOption> Options(TelephonePolicy policy, ResolvedMenu menu, DateTimeOffset instant, HashSet<string> path)
    {
        var options = new List<ContactOption>();
        foreach (var option in menu.AvailableOptions)
        {
            var action = option.Action;
            var key = option.Digit.ToString();
            switch (action.Kind)
            {
                case ActionKind.Back:
                    // "Tilbage" belongs to the phone, not to the page.
                    break;
                case ActionKind.Menu:
                    var sub = policy.Menus[action.Target];
                    var subOptions = path.Count < MaxMenuDepth && !path.Contains(sub.Id)
                        ? Options(policy, policy.ResolveMenu(sub, instant, PolicyState.Staffed), instant, new HashSet<string>(path, StringComparer.Ordinal) { sub.Id })
                        : [];
                    options.Add(new ContactOption(key, option.Label, null, subOptions));
                    break;
                case ActionKind.Message:
                    options.Add(new ContactOption(key, option.Label, policy.Prompts.TryGetValue(action.Target, out var prompt) ? prompt.Text : null, []));
                    break;
                case ActionKind.Extension:
                case ActionKind.Department:
                case ActionKind.Queue:
                case ActionKind.Number:
                case ActionKind.External:
                case ActionKind.Voicemail:
                case ActionKind.Operator:
                case ActionKind.Hangup:
                    options.Add(new ContactOption(key, option.Label, null, []));
                    break;
                default:
                    throw new UnreachableException($"Not an action kind: {action.Kind}");
            }
        }

        return options;
    }
}
