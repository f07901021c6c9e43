using Omstilling.Directory;

namespace Omstilling.Web.Cards;

/// <summary>The staff directory in force; a reload (the policy or the directory file changed) swaps it whole. Thread-safe.</summary>
public sealed class DirectoryHolder(StaffDirectory initial)
{
    private StaffDirectory _current = initial;

    public StaffDirectory Current => Volatile.Read(ref _current);

    public void Replace(StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Volatile.Write(ref _current, directory);
    }
}
