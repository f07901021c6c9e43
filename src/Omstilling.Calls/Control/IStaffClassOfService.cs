using Omstilling.Policy.Outbound;

namespace Omstilling.Calls.Control;

/// <summary>
/// Which numbers outside each account may call (the directory's <c>class-of-service:</c>), as the
/// toll-fraud guard asks it; the directory answers it outside the engine. Implementations are
/// thread-safe and do not block: calls ask before they start and under their lock.
/// </summary>
public interface IStaffClassOfService
{
    /// <summary>The class of service of the account <paramref name="extension"/>; <see cref="ClassOfService.National"/> for one nobody gave a class.</summary>
    ClassOfService ClassOf(string extension);
}

/// <summary>Every account national: a platform without a staff directory.</summary>
public sealed class NationalClassOfService : IStaffClassOfService
{
    public ClassOfService ClassOf(string extension) => ClassOfService.National;
}
