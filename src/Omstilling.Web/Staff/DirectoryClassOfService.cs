using Omstilling.Calls.Control;
using Omstilling.Policy.Outbound;
using Omstilling.Web.Cards;

namespace Omstilling.Web.Staff;

/// <summary>
/// The call engine's view of who may call which numbers outside (<see cref="IStaffClassOfService"/>),
/// answered from the staff directory's <c>class-of-service:</c> (extension → person); national for
/// an account that is nobody's in the directory or whose person has none written. Thread-safe.
/// </summary>
public sealed class DirectoryClassOfService(DirectoryHolder directory) : IStaffClassOfService
{
    public ClassOfService ClassOf(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return directory.Current.FindByExtension(extension)?.EffectiveClassOfService ?? ClassOfService.National;
    }
}
