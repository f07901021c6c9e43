using Omstilling.Directory;
using Omstilling.Directory.Model;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Staff;

/// <summary>
/// Whose own pages a login shows ("Fravær og viderestilling", "Min telefonsvarer"): the person the
/// login is linked to, else the owner of its extension, and only when that person has an extension
/// in the telephone book. Pure.
/// </summary>
public static class OwnPerson
{
    public static Person? Of(SignedInUser? user, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var person = user?.PersonId is { } id && directory.TryGetPerson(id, out var linked) ? linked
            : user?.Extension is { } extension ? directory.FindByExtension(extension)
            : null;
        return person?.Extension is null ? null : person;
    }
}
