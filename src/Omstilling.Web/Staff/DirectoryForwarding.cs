using Omstilling.Calls.Control;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Web.Cards;

namespace Omstilling.Web.Staff;

/// <summary>
/// The call engine's view of staff forwarding (<see cref="IStaffForwarding"/>), answered from the
/// staff directory (extension → person) and the <see cref="ForwardingBook"/>. Thread-safe.
/// </summary>
public sealed class DirectoryForwarding(DirectoryHolder directory, ForwardingBook book) : IStaffForwarding
{
    public CallForwarding? ForwardingOf(string extension, ForwardCondition condition)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return directory.Current.FindByExtension(extension) is { } person && book.Get(person.Id, ToDirectory(condition)) is { } forwarding
            ? new CallForwarding(person.Name, forwarding.Target)
            : null;
    }

    public PhoneForwardingResult SetFromPhone(string extension, ForwardCondition condition, string target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (directory.Current.FindByExtension(extension) is not { } person)
        {
            return PhoneForwardingResult.NotAPerson;
        }

        book.Set(new Forwarding(person.Id, ToDirectory(condition), target, now, person.Id));
        return PhoneForwardingResult.Set;
    }

    public PhoneForwardingResult ClearFromPhone(string extension, ForwardCondition condition)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (directory.Current.FindByExtension(extension) is not { } person)
        {
            return PhoneForwardingResult.NotAPerson;
        }

        return book.Clear(person.Id, ToDirectory(condition)) ? PhoneForwardingResult.Cleared : PhoneForwardingResult.NothingToClear;
    }

    /// <summary>The engine's condition as the directory keeps it (the two enums name the same three codes).</summary>
    public static ForwardingCondition ToDirectory(ForwardCondition condition) => condition switch
    {
        ForwardCondition.Always => ForwardingCondition.Always,
        ForwardCondition.Busy => ForwardingCondition.Busy,
        ForwardCondition.NoAnswer => ForwardingCondition.NoAnswer,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a forwarding condition."),
    };
}
