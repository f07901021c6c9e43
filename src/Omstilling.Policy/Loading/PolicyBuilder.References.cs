using Omstilling.Policy.Outbound;
using System.Diagnostics;
using Omstilling.Policy.Model;

namespace Omstilling.Policy.Loading;

/// <summary>Every name used (extension, department, queue, menu, prompt, season, override target) must exist.</summary>
internal sealed partial class PolicyBuilder
{
    private void CheckReferences()
    {
        foreach (var use in _draft.Actions)
        {
            CheckAction(use.Action, use.Context);
        }

        foreach (var (name, source, context) in _draft.PromptUses)
        {
            if (!_draft.Prompts.ContainsKey(name))
            {
                _diagnostics.Error(source, $"{context} names prompt '{name}', which is not in 'prompts'; expected one of: {List(_draft.Prompts.Keys)}");
            }
        }

        foreach (var (queue, member) in _draft.QueueMembers)
        {
            if (!_numbers.TryGetValue(member.Extension, out var number) || number.Kind != NumberKind.Extension)
            {
                _diagnostics.Error(member.Source, $"queue '{queue}' has member {member.Extension}, which is not in the number plan; expected an operator's, a person's or a department's extension");
            }
        }

        foreach (var unit in _draft.Areas.SelectMany(a => a.Departments).Append(_draft.Switchboard!))
        {
            var context = unit.Kind == UnitKind.Switchboard ? "the switchboard" : $"department '{unit.Id}'";
            if (unit.Queue is { } queue && !_draft.Queues.ContainsKey(queue.Id))
            {
                _diagnostics.Error(queue.Source, $"{context} uses queue '{queue.Id}', which is not in 'queues'; expected one of: {List(_draft.Queues.Keys)}");
            }

            var answered = unit.Queue is not null || unit.Operators.Count > 0 || unit.Extensions.Count > 0 || unit.People.Count > 0;
            if (!answered)
            {
                _diagnostics.Error(unit.Source, $"nobody answers {context}; expected extensions, people or a queue");
            }
        }

        foreach (var (manual, source) in _draft.Overrides)
        {
            if (manual.Target == Routing.OverrideTargetKind.Department && !_units.ContainsKey(manual.TargetId))
            {
                _diagnostics.Error(source, $"override of department '{manual.TargetId}', which does not exist; expected one of: {List(DepartmentIds)}");
            }
            else if (manual.Target == Routing.OverrideTargetKind.MenuOption
                && !_draft.Menus.Values.SelectMany(m => m.Options).Any(o => o.Id == manual.TargetId))
            {
                _diagnostics.Error(source, $"override of option '{manual.TargetId}', which does not exist; expected an option id (its 'id', or menu-id/digit)");
            }
        }
    }

    private void CheckAction(PolicyAction action, string context)
    {
        switch (action.Kind)
        {
            case ActionKind.Extension when !_numbers.TryGetValue(action.Target, out var ext) || ext.Kind != NumberKind.Extension:
                _diagnostics.Error(action.Source, $"{context} transfers to extension {action.Target}, which is not in the number plan; expected an operator's, a person's or a department's extension");
                break;
            case ActionKind.Number when !_numbers.TryGetValue(action.Target, out var number) || number.Kind == NumberKind.Extension:
                _diagnostics.Error(action.Source, $"{context} transfers to {DanishNumber.Display(action.Target)}, which is not one of the policy's numbers; expected a main or direct number (use 'external' for numbers outside)");
                break;
            case ActionKind.Department when action.Target == PolicyParser.SwitchboardId:
                _diagnostics.Error(action.Source, $"{context} transfers to department '{action.Target}'; expected 'operator' for the switchboard");
                break;
            case ActionKind.Department when !_units.ContainsKey(action.Target):
                _diagnostics.Error(action.Source, $"{context} transfers to department '{action.Target}', which does not exist; expected one of: {List(DepartmentIds)}");
                break;
            case ActionKind.Queue when !_draft.Queues.ContainsKey(action.Target):
                _diagnostics.Error(action.Source, $"{context} transfers to queue '{action.Target}', which does not exist; expected one of: {List(_draft.Queues.Keys)}");
                break;
            case ActionKind.Menu when !_draft.Menus.ContainsKey(action.Target):
                _diagnostics.Error(action.Source, $"{context} goes to menu '{action.Target}', which does not exist; expected one of: {List(_draft.Menus.Keys)}");
                break;
            case ActionKind.Message when !_draft.Prompts.ContainsKey(action.Target):
                _diagnostics.Error(action.Source, $"{context} plays message '{action.Target}', which is not in 'prompts'; expected one of: {List(_draft.Prompts.Keys)}");
                break;
            case ActionKind.Voicemail when !_units.ContainsKey(action.Target) && !_numbers.ContainsKey(action.Target):
                _diagnostics.Error(action.Source, $"{context} records voicemail for '{action.Target}', which is neither a department nor an extension; expected a department id or an extension");
                break;
            case ActionKind.Extension or ActionKind.Number or ActionKind.Department or ActionKind.Queue or ActionKind.Menu or ActionKind.Message or ActionKind.Voicemail:
                // The target exists.
                break;
            case ActionKind.External when _draft.Outbound.Check(ClassOfService.International, action.Target) is { IsAllowed: false } refused:
                _diagnostics.Error(action.Source, $"{context} forwards to {action.Target}, which 'outbound' does not allow ({OutboundWords.Why(refused)}); expected a number one of the patterns of outbound: allow names ({string.Join(", ", _draft.Outbound.Allow)})");
                break;
            case ActionKind.External or ActionKind.Back or ActionKind.Operator or ActionKind.Hangup:
                // Nothing of the policy's to look up: the parser checked the external number and 'outbound' allows it; the rest have no target.
                break;
            default:
                throw new UnreachableException($"Not an action kind: {action.Kind}");
        }
    }

    private IEnumerable<string> DepartmentIds => _units.Keys.Where(k => k != PolicyParser.SwitchboardId);

    private static string List(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(none defined)" : string.Join(", ", sorted);
    }
}
