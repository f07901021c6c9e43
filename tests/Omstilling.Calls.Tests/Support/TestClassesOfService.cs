using System.Collections.Concurrent;
using Omstilling.Calls.Control;
using Omstilling.Policy.Outbound;

namespace Omstilling.Calls.Tests.Support;

/// <summary>Classes of service by extension as a test sets them; national otherwise (the Web tests cover the directory's).</summary>
public sealed class TestClassesOfService : IStaffClassOfService
{
    private readonly ConcurrentDictionary<string, ClassOfService> _classes = new(StringComparer.Ordinal);

    public void Set(string extension, ClassOfService classOfService) => _classes[extension] = classOfService;

    public ClassOfService ClassOf(string extension) => _classes.GetValueOrDefault(extension, ClassOfService.National);
}
