using System.Diagnostics;
using System.Collections.Immutable;
using Area = Omstilling.Directory.Model.Area;
using Omstilling.Directory.Loading.Drafts;
using Omstilling.Directory.Model;
using Omstilling.Directory.Text;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;
using Omstilling.Yaml;
using Person = Omstilling.Directory.Model.Person;

namespace Omstilling.Directory.Loading;

/// <summary>
/// Checks what the parser read as a whole: unique ids, extensions and numbers, and references
/// (a person's department and covered-by colleagues, a department's area) against the file and,
/// when given, the policy; then turns the drafts into the public <see cref="DirectoryFile"/>.
/// One instance per load; not thread-safe.
/// </summary>
internal sealed class DirectoryChecker(DirectoryDraft draft, TelephonePolicy? policy, DiagnosticBag diagnostics)
{
    private readonly DirectoryDraft _draft = draft;
    private readonly TelephonePolicy? _policy = policy;
    private readonly DiagnosticBag _diagnostics = diagnostics;

    private string Where => _policy is null ? "this file" : "this file or the policy";

    public DirectoryFile Check()
    {
        var areaIds = new SortedSet<string>(_policy?.Areas.Select(a => a.Id) ?? [], StringComparer.Ordinal);
        areaIds.UnionWith(_draft.Areas.Select(a => a.Id));
        var departmentIds = new SortedSet<string>(_policy?.Departments.Keys ?? [], StringComparer.Ordinal);
        departmentIds.UnionWith(_draft.Departments.Select(d => d.Id));

        CheckDepartments(areaIds);
        CheckPeople(departmentIds);
        CheckNumbers();

        return new DirectoryFile(
            _diagnostics.File,
            [.. _draft.Areas.Select(a => new Area(a.Id, a.Name))],
            [.. _draft.Departments.Select(ToEntry)],
            [.. _draft.People.Select(ToPerson)]);
    }

    private void CheckDepartments(SortedSet<string> areaIds)
    {
        foreach (var department in _draft.Departments)
        {
            var inPolicy = _policy?.Departments.GetValueOrDefault(department.Id);
            if (inPolicy is null && department.Name is null)
            {
                _diagnostics.Error(department.Source, _policy is null
                    ? $"department '{department.Id}' has no 'name'; expected a name (or load the directory with the policy that defines '{department.Id}')"
                    : $"department '{department.Id}' is not in the policy and has no 'name'; expected a name for the new department");
            }

            if (department.Area is not { } area)
            {
                continue;
            }

            if (!areaIds.Contains(area.Value))
            {
                _diagnostics.Error(area.Source, $"area '{area.Value}' of department '{department.Id}' is not known; expected an area of {Where}: {string.Join(", ", areaIds)}");
            }
            else if (inPolicy is not null && inPolicy.AreaId != area.Value)
            {
                _diagnostics.Error(area.Source, $"department '{department.Id}' is in area '{inPolicy.AreaId ?? "(none)"}' in the policy; expected that area or no 'area'");
            }
        }
    }

    private void CheckPeople(SortedSet<string> departmentIds)
    {
        var byId = new Dictionary<string, PersonDraft>(StringComparer.Ordinal);
        var byExtension = new Dictionary<string, PersonDraft>(StringComparer.Ordinal);
        foreach (var person in _draft.People)
        {
            if (!byId.TryAdd(person.Id.Value, person))
            {
                var made = person.IdFromName ? " (made from the name)" : string.Empty;
                _diagnostics.Error(person.Id.Source, $"person id '{person.Id.Value}'{made} is used twice (also at line {byId[person.Id.Value].Id.Source.Line}); expected unique ids (give one of them an 'id')");
            }

            if (!departmentIds.Contains(person.Department.Value))
            {
                _diagnostics.Error(person.Department.Source, $"department '{person.Department.Value}' of person '{person.Name}' is not known; expected a department of {Where}: {string.Join(", ", departmentIds)}");
            }

            if (person.Extension is not { } extension)
            {
                continue;
            }

            if (!byExtension.TryAdd(extension.Value, person))
            {
                var earlier = byExtension[extension.Value];
                _diagnostics.Error(extension.Source, $"extension {extension.Value} is already {earlier.Name}'s (line {earlier.Extension!.Value.Source.Line}); expected each extension once");
            }
            else
            {
                CheckExtensionAgainstPolicy(person, extension);
            }
        }

        var known = new HashSet<string>(byId.Keys, StringComparer.Ordinal);
        if (_policy is not null)
        {
            known.UnionWith(DirectoryMerger.PolicyPersonIds(_policy, byId.Keys, byExtension.Keys).Values);
        }

        foreach (var person in _draft.People)
        {
            foreach (var colleague in person.CoveredBy)
            {
                if (colleague.Value == person.Id.Value)
                {
                    _diagnostics.Error(colleague.Source, $"person '{person.Name}' is in their own covered-by; expected colleagues' ids", $"{person.Name} kan ikke dække for sig selv. Vælg kolleger.");
                }
                else if (!known.Contains(colleague.Value))
                {
                    _diagnostics.Error(colleague.Source, $"'{colleague.Value}' in covered-by of person '{person.Name}' is not a person; expected the id of a person in {Where}", $"Den kollega, der skal dække for {person.Name} ({colleague.Value}), findes ikke længere i vidensdatabasen. Vælg en anden.");
                }
            }
        }
    }

    /// <summary>
    /// An extension the policy gives to a department (or the switchboard's operators) rings there
    /// when the unit is called; a person filed elsewhere would be rung for the wrong department.
    /// </summary>
    private void CheckExtensionAgainstPolicy(PersonDraft person, Located extension)
    {
        if (_policy is null || !_policy.Numbers.TryGetValue(extension.Value, out var plan))
        {
            return;
        }

        if (_policy.People.TryGetValue(extension.Value, out var named) && !DanishText.FoldedEquals(named.Name, person.Name))
        {
            // A staff change the policy has not caught up with: the directory's name is used, but
            // the policy (and what it explains) still names the old holder.
            _diagnostics.Warning(extension.Source, $"extension {extension.Value} is {named.Name}'s in the policy, but '{person.Name}' here; expected the same person, or the policy updated");
        }

        var expected = plan.Owner switch
        {
            NumberOwner.Operator or NumberOwner.Switchboard => _policy.Switchboard.Id,
            NumberOwner.Department => plan.OwnerId,
            NumberOwner.Person => _policy.People.TryGetValue(plan.OwnerId, out var owner) ? owner.DepartmentId : null,
            _ => throw new UnreachableException($"Not a number owner: {plan.Owner}"),
        };
        if (expected is not null && expected != person.Department.Value)
        {
            var unit = _policy.Departments.TryGetValue(expected, out var department) ? department.Name : expected;
            _diagnostics.Warning(extension.Source, $"extension {extension.Value} rings for {unit} in the policy, but person '{person.Name}' is in '{person.Department.Value}'; expected department: {expected}");
        }
    }

    private void CheckNumbers()
    {
        var seen = new Dictionary<string, (string Owner, SourceLocation Source)>(StringComparer.Ordinal);
        foreach (var department in _draft.Departments)
        {
            var name = department.Name ?? _policy?.Departments.GetValueOrDefault(department.Id)?.Name ?? department.Id;
            foreach (var number in department.Numbers)
            {
                CheckNumber(number, name, seen, plan => plan.Owner is NumberOwner.Department or NumberOwner.Switchboard && plan.OwnerId == department.Id);
            }
        }

        foreach (var person in _draft.People)
        {
            foreach (var number in person.Numbers)
            {
                CheckNumber(number, person.Name, seen, plan => plan.Owner == NumberOwner.Person && plan.OwnerId == person.Extension?.Value);
            }
        }
    }

    private void CheckNumber(NumberDraft number, string owner, Dictionary<string, (string Owner, SourceLocation Source)> seen, Func<PlanNumber, bool> isOwn)
    {
        var display = number.Number.Display;
        if (seen.TryGetValue(number.Number.Number, out var earlier))
        {
            _diagnostics.Error(number.Source, $"number {display} is already used at line {earlier.Source.Line} ({earlier.Owner}); expected each direct number once");
            return;
        }

        seen.Add(number.Number.Number, (owner, number.Source));
        if (_policy is not null && _policy.Numbers.TryGetValue(number.Number.Number, out var plan) && !isOwn(plan))
        {
            _diagnostics.Error(number.Source, $"number {display} belongs to {PlanOwnerName(plan)} in the policy's number plan; expected a number of {owner}'s own");
        }
    }

    private string PlanOwnerName(PlanNumber plan) => plan.Owner switch
    {
        NumberOwner.Person => _policy!.People.TryGetValue(plan.OwnerId, out var person) ? person.Name : plan.OwnerId,
        NumberOwner.Operator => $"operator {plan.OwnerId}",
        NumberOwner.Switchboard or NumberOwner.Department => _policy!.Departments.TryGetValue(plan.OwnerId, out var department) ? department.Name : plan.OwnerId,
        _ => throw new UnreachableException($"Not a number owner: {plan.Owner}"),
    };

    private static DepartmentEntry ToEntry(DepartmentDraft draft) => new(draft.Id)
    {
        Name = draft.Name,
        AreaId = draft.Area?.Value,
        Topics = [.. draft.Topics],
        Numbers = [.. draft.Numbers.Select(n => n.Number)],
        Email = draft.Email,
    };

    private static Person ToPerson(PersonDraft draft) => new(draft.Id.Value, draft.Name, draft.Department.Value)
    {
        Title = draft.Title,
        Extension = draft.Extension?.Value,
        Email = draft.Email,
        Mobile = draft.Mobile,
        DirectNumbers = [.. draft.Numbers.Select(n => n.Number)],
        Topics = [.. draft.Topics],
        CoveredBy = [.. draft.CoveredBy.Select(c => c.Value).Distinct(StringComparer.Ordinal)],
        Calendar = draft.Calendar,
        ClassOfService = draft.ClassOfService,
    };
}
