using Omstilling.Calls.Events;
using Omstilling.Directory;
using Omstilling.Directory.Model;

namespace Omstilling.History.Tests;

/// <summary>A call's events written by hand, second by second, as a test's script.</summary>
internal sealed class Script(string caller = "20304050", string dialled = "54731000")
{
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly List<CallEvent> _events = [];

    public Guid CallId { get; } = Guid.NewGuid();

    public IReadOnlyList<CallEvent> Events => _events;

    /// <summary>Adds an event <paramref name="second"/> seconds after the call's start.</summary>
    public Script At(double second, CallEventKind kind, Func<CallEvent, CallEvent>? with = null)
    {
        var e = new CallEvent(CallId, kind, Start.AddSeconds(second), caller, dialled);
        _events.Add(with is null ? e : with(e));
        return this;
    }

    /// <summary>The directory the tests resolve extensions with: 100 is the switchboard's operator, 201 Anne in Borgerservice.</summary>
    public static StaffDirectory Directory { get; } = new(
        [new Area("borger", "Borger og Arbejdsmarked")],
        [new Department("switchboard", "Hovedomstillingen"), new Department("borgerservice", "Borgerservice") { AreaId = "borger" }],
        [new Person("op1", "Omstilling 1", "switchboard") { Extension = "100" }, new Person("anne", "Anne Sørensen", "borgerservice") { Extension = "201" }]);

    public static PartyInfo? Resolve(string? extension) => PartyInfo.Of(Directory, extension);
}
