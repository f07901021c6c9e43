using System.Collections.Immutable;
using Omstilling.Policy.Loading.Drafts;
using Omstilling.Policy.Model;

namespace Omstilling.Policy.Loading;

/// <summary>The number plan: every number and extension leads to exactly one place.</summary>
internal sealed partial class PolicyBuilder
{
    private readonly Dictionary<string, string> _ownerNames = new(StringComparer.Ordinal);

    private void BuildNumberPlan(UnitDraft switchboard)
    {
        foreach (var main in switchboard.Numbers)
        {
            Add(new PlanNumber(main.Number, NumberKind.MainNumber, NumberVisibility.Public, NumberOwner.Switchboard, switchboard.Id, main.Source), switchboard.Name);
        }

        foreach (var op in switchboard.Operators)
        {
            Add(Extension(op, NumberOwner.Operator, op.Extension), $"operator {op.Extension}");
        }

        var departments = _draft.Areas.SelectMany(a => a.Departments).ToList();
        foreach (var department in departments)
        {
            foreach (var person in department.People)
            {
                Add(Extension(person.Extension, NumberOwner.Person, person.Extension.Extension), person.Name);
                foreach (var number in person.Numbers)
                {
                    Add(Direct(number, NumberOwner.Person, person.Extension.Extension, [person.Extension.Extension]), person.Name);
                }
            }
        }

        foreach (var department in departments)
        {
            var own = department.People.Select(p => p.Extension.Extension).ToHashSet(StringComparer.Ordinal);
            foreach (var extension in department.Extensions)
            {
                if (!own.Contains(extension.Extension))
                {
                    Add(Extension(extension, NumberOwner.Department, department.Id), department.Name);
                }
            }

            foreach (var number in department.Numbers)
            {
                Add(Direct(number, NumberOwner.Department, department.Id, RungExtensions(department)), department.Name);
            }
        }
    }

    private static PlanNumber Extension(ExtensionDraft extension, NumberOwner owner, string ownerId) =>
        new(extension.Extension, NumberKind.Extension, NumberVisibility.Internal, owner, ownerId, extension.Source)
        {
            RingTargets = [extension.Extension],
        };

    private static PlanNumber Direct(NumberDraft number, NumberOwner owner, string ownerId, ImmutableArray<string> rings) =>
        new(number.Number, NumberKind.DirectNumber, number.Visibility, owner, ownerId, number.Source)
        {
            IsExample = number.IsExample,
            RingTargets = rings,
        };

    private void Add(PlanNumber number, string ownerName)
    {
        if (_numbers.TryGetValue(number.Number, out var earlier))
        {
            var what = number.Kind == NumberKind.Extension ? "extension" : "number";
            _diagnostics.Error(number.Source, $"{what} {number.Display} is already used at line {earlier.Source.Line} ({_ownerNames[number.Number]}); expected each number and extension once");
            return;
        }

        _numbers[number.Number] = number;
        _ownerNames[number.Number] = ownerName;
    }

    private ImmutableArray<PlanNumber> NumbersOf(NumberOwner owner, string ownerId) =>
        [.. _numbers.Values
            .Where(n => n.Kind != NumberKind.Extension && n.OwnerId == ownerId
                && (n.Owner == owner || (owner == NumberOwner.Department && n.Owner == NumberOwner.Switchboard)))
            .OrderBy(n => n.Source.Line)];
}
