using System.Collections.Concurrent;
using Omstilling.Calls.Control;

namespace Omstilling.Calls.Tests.Support;

/// <summary>Absence by extension as a test sets it; feature codes are not carried out here (the Web tests cover the directory's).</summary>
public sealed class AbsentExtensions : IStaffAbsence
{
    private readonly ConcurrentDictionary<string, AbsenceGreeting> _away = new(StringComparer.Ordinal);

    public void Set(string extension, AbsenceGreeting greeting) => _away[extension] = greeting;

    public AbsenceGreeting? GreetingFor(string extension, DateTimeOffset now) => _away.GetValueOrDefault(extension);

    public PhoneAbsenceResult SetFromPhone(string extension, int code, TimeOnly? until, DateTimeOffset now) => PhoneAbsenceResult.NotAPerson;

    public PhoneAbsenceResult ClearFromPhone(string extension, DateTimeOffset now) => _away.TryRemove(extension, out _) ? PhoneAbsenceResult.Cleared : PhoneAbsenceResult.NothingToClear;
}
