using System.Diagnostics;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Policy.Explaining;

/// <summary>Decisions and actions in words: what the caller hears, who rings, what each key does.</summary>
internal sealed partial class Explainer
{
    private void DescribeDecision(RoutingDecision decision, int depth, List<string> menusOnPath)
    {
        switch (decision.Kind)
        {
            case DecisionKind.NotFound:
                Step(depth, T("Opkaldet kan ikke stilles om: nummeret findes ikke.", "The call cannot be put through: the number does not exist."));
                break;
            case DecisionKind.Queue:
                Greeting(decision, depth);
                var queue = decision.Queue!;
                Step(depth, T(
                    $"Du stilles i kø til {queue.Name}; {Phones(decision.Extensions)} ringer, højst {Rings(decision.RingLimit)} ad gangen.",
                    $"You are queued for {queue.Name}; {Phones(decision.Extensions)} ring, at most {Rings(decision.RingLimit)} at a time."));
                if (queue.MusicPrompt is { } music && _policy.Prompts.TryGetValue(music, out var musicPrompt))
                {
                    Step(depth, T($"Mens du venter, hører du: \"{musicPrompt.Text}\"", $"While you wait you hear: \"{musicPrompt.Text}\""));
                }

                if (queue.AnnouncePosition)
                {
                    Step(depth, T("Du får at vide, hvilket nummer du er i køen (\"du er nummer x i køen\").", "You are told your place in the queue (\"du er nummer x i køen\")."));
                }

                Overflow(decision, depth, queue.MaxWait);
                break;
            case DecisionKind.Ring:
                Greeting(decision, depth);
                Step(depth, T($"Telefonen ringer hos {Who(decision)} i højst {Rings(decision.RingLimit)}.", $"The phone rings for {Who(decision)} for at most {Rings(decision.RingLimit)}."));
                Overflow(decision, depth, null);
                break;
            case DecisionKind.Menu:
                DescribeMenu(decision.Menu!.Value, depth, menusOnPath);
                break;
            case DecisionKind.Message:
                Step(depth, T($"Du hører: \"{decision.Message!.Text}\"", $"You hear: \"{decision.Message!.Text}\""));
                Step(depth, decision.AfterMessage is { } after
                    ? T("Derefter: ", "Then: ") + Brief(after) + "."
                    : T("Derefter afsluttes opkaldet.", "Then the call ends."));
                break;
            case DecisionKind.Voicemail:
                Step(depth, T($"Du kan indtale en besked til {Box(decision.VoicemailBox!)}.", $"You can leave a message for {Box(decision.VoicemailBox!)}."));
                break;
            case DecisionKind.Forward:
                Step(depth, T(
                    $"Opkaldet viderestilles til {External(decision.ExternalNumber!, decision.IsExample)}.",
                    $"The call is forwarded to {External(decision.ExternalNumber!, decision.IsExample)}."));
                break;
            case DecisionKind.Back:
                Step(depth, T("Du kommer tilbage til den forrige menu.", "You go back to the previous menu."));
                break;
            case DecisionKind.Hangup:
                Step(depth, T("Opkaldet afsluttes.", "The call ends."));
                break;
            default:
                throw new UnreachableException($"Not a decision kind: {decision.Kind}");
        }
    }

    private void DescribeMenu(ResolvedMenu resolved, int depth, List<string> menusOnPath)
    {
        var menu = resolved.Menu;
        var heard = string.Join(' ', resolved.AvailableOptions.Select(o => o.SpokenText).Prepend(menu.Intro.Text));
        Step(depth, T($"Du hører: \"{heard}\"", $"You hear: \"{heard}\""));
        if (menusOnPath.Contains(menu.Id) || menusOnPath.Count >= MaxMenuDepth)
        {
            return;
        }

        menusOnPath.Add(menu.Id);
        foreach (var option in menu.Options)
        {
            var key = T($"Tast {option.Digit} ({option.Label})", $"Key {option.Digit} ({option.Label})");
            if (!resolved.IsAvailable(option))
            {
                Step(depth + 1, T(
                    $"{key} tilbydes ikke nu ({WhyNotOffered(option)}); tasten giver ugyldigt valg.",
                    $"{key} is not offered now ({WhyNotOffered(option)}); the key is invalid input."));
                continue;
            }

            Step(depth + 1, key + ":");
            var chosen = _policy.Resolve(option.Action, Instant, _state);
            Divert(chosen, depth + 2);
            DescribeDecision(chosen, depth + 2, menusOnPath);
        }

        Step(depth + 1, T(
            $"Andre taster: \"{menu.InvalidPrompt?.Text ?? "Ugyldigt valg."}\", og menuen læses igen (højst {menu.Retries} gange).",
            $"Other keys: \"{menu.InvalidPrompt?.Text ?? "Ugyldigt valg."}\", and the menu is read again (at most {menu.Retries} times)."));
        menusOnPath.Remove(menu.Id);
    }

    /// <summary>For a unit reached from a menu: say whether it is open before saying what happens.</summary>
    private void Divert(RoutingDecision decision, int depth)
    {
        var rule = decision.Rule;
        if (rule.UnitId is not { } id || rule.Kind is RuleKind.PersonalPhone or RuleKind.Action || !_policy.Departments.TryGetValue(id, out var unit))
        {
            return;
        }

        var reason = Reason(rule);
        if (!rule.IsOpen)
        {
            Step(depth, T($"{unit.Name} har lukket ({reason}).", $"{unit.Name} is closed ({reason})."));
        }
    }

    private string WhyNotOffered(MenuOption option)
    {
        if (_policy.FindOptionOverride(option, Instant, _state) is { } manual)
        {
            return OverrideReason(manual);
        }

        var availability = option.Availability;
        if (!availability.IsEnabled)
        {
            return T("slået fra i politikken", "switched off in the policy");
        }

        var parts = new List<string>();
        if (availability.Season is { } season)
        {
            parts.Add(T($"kun i sæsonen {SeasonText(season)}", $"only in the season {SeasonText(season)}"));
        }

        if (availability.Hours is not null)
        {
            parts.Add(T("kun i bestemte tidsrum", "only at certain hours"));
        }

        return Join(parts);
    }

    private void Greeting(RoutingDecision decision, int depth)
    {
        if (decision.Greeting is { } greeting)
        {
            Step(depth, T($"Du hører: \"{greeting.Text}\"", $"You hear: \"{greeting.Text}\""));
        }
    }

    private void Overflow(RoutingDecision decision, int depth, TimeSpan? maxWait)
    {
        if (decision.OnBusy is { } busy)
        {
            var one = decision.Extensions.Length == 1 && decision.Queue is null;
            Step(depth, (one ? T("Er der optaget: ", "If it is busy: ") : T("Er alle optaget: ", "If all are busy: ")) + Brief(busy) + ".");
        }

        if (decision.OnNoAnswer is { } noAnswer)
        {
            var when = maxWait is { } wait
                ? T($"Har ingen svaret efter {wait.TotalMinutes:0} minutter i køen: ", $"If nobody has answered after {wait.TotalMinutes:0} minutes in the queue: ")
                : T($"Svarer ingen inden {decision.RingLimit.Rings} ring: ", $"If nobody answers within {decision.RingLimit.Rings} rings: ");
            Step(depth, when + Brief(noAnswer) + ".");
        }
    }

    private string Who(RoutingDecision decision)
    {
        if (decision.Person is { } person)
        {
            return $"{person.Name} ({Phones(decision.Extensions)}, {decision.Unit?.Name})";
        }

        return decision.Unit is { } unit ? $"{unit.Name} ({Phones(decision.Extensions)})" : Phones(decision.Extensions);
    }

    private string Box(string box) =>
        box == _policy.Switchboard.Id ? _policy.Switchboard.Name
        : _policy.Departments.TryGetValue(box, out var unit) ? unit.Name
        : _policy.Numbers.TryGetValue(box, out var number) ? NumberLabel(number)
        : box;

    /// <summary>An action in a few words, without following it (for overflow rules).</summary>
    private string Brief(PolicyAction action) => action.Kind switch
    {
        ActionKind.Operator => T("opkaldet går til hovedomstillingen", "the call goes to the main switchboard"),
        ActionKind.Menu => T($"menuen {_policy.Menus[action.Target].Name}", $"the menu {_policy.Menus[action.Target].Name}"),
        ActionKind.Department => T($"opkaldet går til {_policy.Departments[action.Target].Name}", $"the call goes to {_policy.Departments[action.Target].Name}"),
        ActionKind.Queue => T($"køen {_policy.Queues[action.Target].Name}", $"the queue {_policy.Queues[action.Target].Name}"),
        ActionKind.Extension or ActionKind.Number => T("opkaldet går til ", "the call goes to ") + NumberLabel(_policy.Numbers[action.Target]),
        ActionKind.External => T("viderestilling til ", "forwarding to ") + External(action.Target, action.IsExample),
        ActionKind.Message => T($"beskeden \"{_policy.Prompts[action.Target].Text}\"", $"the message \"{_policy.Prompts[action.Target].Text}\""),
        ActionKind.Voicemail => T($"telefonsvarer: besked til {Box(action.Target)}", $"voicemail: a message for {Box(action.Target)}"),
        ActionKind.Back => T("tilbage til den forrige menu", "back to the previous menu"),
        ActionKind.Hangup => T("opkaldet afsluttes", "the call ends"),
        _ => throw new UnreachableException($"Not an action kind: {action.Kind}"),
    };
}
