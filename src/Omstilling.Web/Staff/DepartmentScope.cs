using System.Globalization;
using Omstilling.Directory;
using Omstilling.Directory.Model;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Staff;

/// <summary>Which departments a login looks after: an administrator every one, a department head their own (the notices and people pages).</summary>
public static class DepartmentScope
{
    private static readonly StringComparer Danish = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true);

    /// <summary>The departments <paramref name="user"/> may look after, by Danish name.</summary>
    public static IReadOnlyList<Department> Of(SignedInUser? user, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return [.. directory.Departments.Values.Where(d => user?.MayPostNoticeFor(d.Id) == true).OrderBy(d => d.Name, Danish)];
    }
}
