using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;

namespace Omstilling.Policy;

/// <summary>
/// A municipality's telephone policy, loaded and validated (see <see cref="Loading.PolicyLoader"/>):
/// number plan, units with their hours and overflow rules, menus, queues, prompts, calendar,
/// seasons, planned overrides and targets. Immutable and thread-safe: one snapshot is shared by
/// every call; a changed file gives a new snapshot (<see cref="PolicyProvider"/>).
/// Routing is in <c>TelephonePolicy.Routing.cs</c>, menus in <c>TelephonePolicy.Menus.cs</c>.
/// </summary>
public sealed partial class TelephonePolicy
{
    /// <summary>How deep actions may lead to actions while deciding (menus are not followed).</summary>
    internal const int MaxDepth = 8;

    private readonly FrozenDictionary<string, PlanNumber> _numbers = FrozenDictionary<string, PlanNumber>.Empty;
    private FrozenDictionary<string, PlanNumber>.AlternateLookup<ReadOnlySpan<char>> _numberLookup;
    private ImmutableArray<string> _operators; // default until first asked: one reference, so set atomically

    internal TelephonePolicy()
    {
    }

    /// <summary>The file it was loaded from, as given to the loader.</summary>
    public required string SourceFile { get; init; }

    public required string Organisation { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The organisation's ring limit; departments and people may set their own.</summary>
    public required RingLimit RingLimit { get; init; }

    public required PolicyTargets Targets { get; init; }

    /// <summary>How long the call history keeps callers' numbers and call records.</summary>
    public PolicyRetention Retention { get; init; } = PolicyRetention.Default;

    /// <summary>The policy's <c>forwarding: max-chain</c> when it gives none.</summary>
    public const int DefaultMaxForwardingChain = 3;

    /// <summary>How many forwardings one call follows (A → B → C is two); a longer chain is cut where it reaches this (<c>forwarding: max-chain</c>, 1-10).</summary>
    public int MaxForwardingChain { get; init; } = DefaultMaxForwardingChain;

    /// <summary>The voicemail number when the policy gives none.</summary>
    public const string DefaultVoicemailNumber = "8500";

    /// <summary>Where staff call to hear their voicemail (<c>voicemail: number</c>); null: <see cref="DefaultVoicemailNumber"/>.</summary>
    public string? VoicemailNumber { get; init; }

    /// <summary>Which numbers calls may go out to through the trunk, for which class of service (<c>outbound:</c>; the toll-fraud guard).</summary>
    public Outbound.OutboundPermission Outbound { get; init; } = Policy.Outbound.OutboundPermission.Default;

    /// <summary>The post-call survey, or null when the policy asks nobody.</summary>
    public PolicySurvey? Survey { get; init; }

    /// <summary>The pass-back code a phone uses if none is given (<c>switchboard: pass-back-code</c>).</summary>
    public const string DefaultPassBackCode = "9";

    /// <summary>
    /// The short number a phone transfers a caller back to the switchboard with ("fejlopkald"), besides
    /// the main number: the caller waits at the head of the switchboard's queue, marked as passed back.
    /// </summary>
    public string PassBackCode { get; init; } = DefaultPassBackCode;

    public required HolidayCalendar Calendar { get; init; }

    public required FrozenDictionary<string, Season> Seasons { get; init; }

    public required FrozenDictionary<string, Prompt> Prompts { get; init; }

    public required FrozenDictionary<string, Menu> Menus { get; init; }

    public required FrozenDictionary<string, Queue> Queues { get; init; }

    public required ImmutableArray<Area> Areas { get; init; }

    /// <summary>Every unit by id, the switchboard included.</summary>
    public required FrozenDictionary<string, Department> Departments { get; init; }

    public required Department Switchboard { get; init; }

    /// <summary>People by extension.</summary>
    public required FrozenDictionary<string, Person> People { get; init; }

    /// <summary>The number plan: normalised number or extension → entry.</summary>
    public required FrozenDictionary<string, PlanNumber> Numbers
    {
        get => _numbers;
        init
        {
            _numbers = value;
            _numberLookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Overrides written in the file (planned closings etc.); live ones come with <see cref="IPolicyState"/>.</summary>
    public required ImmutableArray<ManualOverride> PlannedOverrides { get; init; }

    /// <summary>
    /// The switchboard's operators: its own extensions and the members of its queue, in order,
    /// once each. Worked out on first use; the policy never changes.
    /// </summary>
    public ImmutableArray<string> Operators => _operators.IsDefault
        ? _operators = [.. Switchboard.Extensions
            .Concat(Switchboard.QueueId is { } q && Queues.TryGetValue(q, out var queue) ? queue.Members : [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
        : _operators;

    /// <summary>The main number, normalised (8 digits).</summary>
    public string MainNumber => Switchboard.Numbers.Length > 0 ? Switchboard.Numbers[0].Number : string.Empty;

    /// <summary>The number-plan entry for a dialled string in any accepted form, without allocating.</summary>
    public bool TryFindNumber(ReadOnlySpan<char> dialled, [MaybeNullWhen(false)] out PlanNumber number)
    {
        Span<char> buffer = stackalloc char[DanishNumber.MaxDigits];
        if (DanishNumber.TryGetPlanKey(dialled, buffer, out var length)
            && _numberLookup.TryGetValue(buffer[..length], out var found))
        {
            number = found;
            return true;
        }

        number = null;
        return false;
    }

    /// <summary>The instant as wall-clock time in the policy's zone.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
}
