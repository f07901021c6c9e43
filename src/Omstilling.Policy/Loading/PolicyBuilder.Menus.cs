using System.Diagnostics;
using System.Collections.Immutable;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading;

/// <summary>Menus: built with their prompts and seasons; checked for loops, reachability and dead options.</summary>
internal sealed partial class PolicyBuilder
{
    private Dictionary<string, Menu> BuildMenus()
    {
        var menus = new Dictionary<string, Menu>(StringComparer.Ordinal);
        var optionIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var draft in _draft.Menus.Values)
        {
            var options = ImmutableArray.CreateBuilder<MenuOption>();
            var index = 0;
            foreach (var option in draft.Options.OrderBy(o => Menu.Digits.IndexOf(o.Digit, StringComparison.Ordinal)))
            {
                if (optionIds.TryGetValue(option.Id, out var earlier))
                {
                    _diagnostics.Error(option.Source, $"option id '{option.Id}' is used twice (also at line {earlier.Line}); expected unique option ids");
                }

                optionIds[option.Id] = option.Source;
                Schedule.Season? season = null;
                if (option.Season is { } s && !_draft.Seasons.TryGetValue(s.Id, out season))
                {
                    _diagnostics.Error(s.Source, $"option {option.Digit} of menu '{draft.Id}' uses season '{s.Id}', which is not in 'seasons'; expected one of: {List(_draft.Seasons.Keys)}");
                }

                var prompt = option.Prompt is { } p && _draft.Prompts.TryGetValue(p.Name, out var found) ? found : null;
                var availability = new OptionAvailability(option.Enabled, season, option.Hours);
                WarnIfNeverOffered(draft.Id, option, availability);
                options.Add(new MenuOption(option.Digit, option.Id, option.Label, prompt?.Text ?? DefaultSpokenText(option.Digit, option.Label), option.Action, option.Source)
                {
                    PromptName = prompt?.Name,
                    Availability = availability,
                    Index = index++,
                });
            }

            var intro = draft.Intro is { } i && _draft.Prompts.TryGetValue(i.Name, out var introPrompt)
                ? introPrompt
                : new Prompt(string.Empty, string.Empty, draft.Source);
            menus[draft.Id] = new Menu(draft.Id, draft.Name, intro, options.ToImmutable(), draft.Source)
            {
                InvalidPrompt = draft.Invalid is { } inv && _draft.Prompts.TryGetValue(inv.Name, out var invalid) ? invalid : null,
                Timeout = TimeSpan.FromSeconds(draft.TimeoutSeconds ?? 5),
                Retries = draft.Retries ?? 2,
                OnNoInput = draft.OnNoInput,
            };
        }

        return menus;
    }

    private void WarnIfNeverOffered(string menuId, Drafts.OptionDraft option, OptionAvailability availability)
    {
        if (!availability.IsEnabled)
        {
            _diagnostics.Warning(option.Source, $"option {option.Digit} of menu '{menuId}' is switched off (available: false) and is offered only while an override opens it");
        }
        else if (availability.Hours is { IsNeverOpen: true })
        {
            _diagnostics.Warning(option.Source, $"option {option.Digit} of menu '{menuId}' is never offered: its hours are closed on every day of the year");
        }
    }

    /// <summary>"Tast 5 for Snevagten." for an option that names no prompt of its own.</summary>
    internal static string DefaultSpokenText(char digit, string label)
    {
        var key = digit switch
        {
            '*' => "stjerne",
            '#' => "firkant",
            _ => digit.ToString(),
        };
        return $"Tast {key} for {label}.";
    }

    /// <summary>Every menu is reached from outside the menus, and menus never lead round in a circle.</summary>
    private void CheckMenuGraph()
    {
        var edges = _draft.Actions
            .Where(u => u.InMenu is not null && u.Action.Kind == ActionKind.Menu && _draft.Menus.ContainsKey(u.Action.Target))
            .ToLookup(u => u.InMenu!, StringComparer.Ordinal);
        var roots = _draft.Actions
            .Where(u => u.InMenu is null && u.Action.Kind == ActionKind.Menu)
            .Select(u => u.Action.Target);

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var id))
        {
            if (reached.Add(id))
            {
                foreach (var edge in edges[id])
                {
                    pending.Push(edge.Action.Target);
                }
            }
        }

        foreach (var menu in _draft.Menus.Values.Where(m => !reached.Contains(m.Id)))
        {
            _diagnostics.Error(menu.Source, $"menu '{menu.Id}' is never reached; expected an overflow rule, a queue or another menu's option to lead to it");
        }

        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var menu in _draft.Menus.Keys.Order(StringComparer.Ordinal))
        {
            Visit(menu);
        }

        // Depth-first; a menu on the current path reached again closes a loop.
        void Visit(string id)
        {
            if (state.ContainsKey(id))
            {
                return;
            }

            state[id] = true;
            path.Add(id);
            foreach (var edge in edges[id])
            {
                var target = edge.Action.Target;
                if (state.TryGetValue(target, out var onPath) && onPath)
                {
                    var loop = path.Skip(path.IndexOf(target)).Append(target);
                    _diagnostics.Error(edge.Action.Source, $"menus loop: {string.Join(" → ", loop)}; expected menus to lead forward (use 'action: back' to return to the previous menu)");
                    continue;
                }

                Visit(target);
            }

            path.RemoveAt(path.Count - 1);
            state[id] = false;
        }
    }

    /// <summary>Outside-hours rules that send a closed unit to another closed unit and back would never end.</summary>
    private void CheckOutsideHoursLoops()
    {
        // The unit an outside-hours rule hands a closed unit's callers to, if it is a unit at all.
        string? Next(Department unit) => unit.Overflow.OutsideHours is not { } a ? null : a.Kind switch
        {
            ActionKind.Department => _units.ContainsKey(a.Target) ? a.Target : null,
            ActionKind.Operator => PolicyParser.SwitchboardId,
            ActionKind.Number => _numbers.TryGetValue(a.Target, out var n) && n.Owner is NumberOwner.Department or NumberOwner.Switchboard ? n.OwnerId : null,
            ActionKind.Extension or ActionKind.Queue or ActionKind.External or ActionKind.Menu or ActionKind.Message
                or ActionKind.Voicemail or ActionKind.Back or ActionKind.Hangup => null,
            _ => throw new UnreachableException($"Not an action kind: {a.Kind}"),
        };

        var reported = new HashSet<SourceLocation>();
        foreach (var start in _units.Values.OrderBy(u => u.Source.Line))
        {
            var path = new List<string> { start.Id };
            var current = start;
            while (Next(current) is { } next)
            {
                if (next == start.Id)
                {
                    var action = current.Overflow.OutsideHours!;
                    if (reported.Add(action.Source))
                    {
                        _diagnostics.Error(action.Source, $"outside-hours rules loop: {string.Join(" → ", path.Append(next))}; expected one of them to end in a menu, a message, voicemail or a phone");
                    }

                    break;
                }

                if (path.Contains(next))
                {
                    break;
                }

                path.Add(next);
                current = _units[next];
            }
        }
    }
}
