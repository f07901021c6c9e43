using Omstilling.Calls.Queues;
using Omstilling.Calls.Control;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Web.Cards;

/// <summary>Builds person cards from the directory and the live state (phones, absences, availability). Thread-safe.</summary>
public sealed class PersonCards(DirectoryHolder directory, IPhonePresence presence, AbsenceBook absences, IAvailabilitySource availability, TimeProvider time, ForwardingBook? forwardings = null)
{
    public async Task<PersonCard?> GetAsync(string personId, CancellationToken cancellationToken)
    {
        if (!directory.Current.TryGetPerson(personId, out var person))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var staff = directory.Current;
        staff.Departments.TryGetValue(person.DepartmentId, out var department);
        var colleagues = staff.Colleagues(person.Id)
            .Select(c => new ColleagueState(c, PhoneOf(c), absences.Current(c.Id, now)))
            .OrderBy(c => c.Phone == PhoneState.Idle && c.Absence is null ? 0 : 1)
            .ToList();
        return new PersonCard(
            person,
            department,
            PhoneOf(person),
            absences.Current(person.Id, now),
            await availability.GetAsync(person, now, cancellationToken),
            colleagues,
            [.. absences.ActiveNotices(person.DepartmentId, now)])
        {
            Forwardings = forwardings?.Of(person.Id) ?? [],
        };
    }

    /// <summary>The state of the person's phone: offline when no phone of their extension is registered.</summary>
    public PhoneState PhoneOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Extension is { } ext ? presence.StateOf(ext) : PhoneState.Offline;
    }
}
