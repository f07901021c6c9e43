using Omstilling.Directory.Loading;
using Omstilling.Policy;

namespace Omstilling.Directory;

/// <summary>Building the directory from the telephone policy and a directory file.</summary>
public sealed partial class StaffDirectory
{
    /// <summary>
    /// The policy's areas, units (the switchboard as "Hovedomstillingen") and people, merged with
    /// a directory file that was loaded against the same policy
    /// (<see cref="DirectoryLoader.LoadFile"/>). The file is authoritative where both describe the
    /// same person (by extension), department or area (by id); what only one has is kept.
    /// </summary>
    /// <exception cref="ArgumentException">The file does not fit the policy (it was checked against another one).</exception>
    public static StaffDirectory FromPolicy(TelephonePolicy policy, DirectoryFile? file = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (areas, departments, people) = DirectoryMerger.Merge(policy, file);
        return new StaffDirectory(areas, departments, people);
    }

    /// <summary>A directory file on its own (loaded without a policy), for tools and tests.</summary>
    public static StaffDirectory FromFile(DirectoryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new StaffDirectory(file.Areas, file.Departments.Select(DirectoryMerger.New), file.People);
    }
}
