using Omstilling.Directory;
using Omstilling.Runtime;
using Omstilling.Storage.Users;

namespace Omstilling.Host.Demo;

/// <summary>
/// The web logins of <c>--demo</c>, made once in a new database: the operators and staff of the
/// demo directory with the password "demo" + extension (as their phones), and "admin" /
/// "demoadmin". Team and department leaders get their department's notices.
/// </summary>
internal static partial class DemoUsers
{
    public static async Task SeedAsync(UserStore users, StaffDirectory directory, FaultMonitor faults, ILogger logger, CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        var list = new List<NewUser> { new("admin", "Administrator", [UserRole.Admin, UserRole.Operator], "demoadmin") };
        foreach (var extension in DemoData.Operators.Concat(DemoData.Staff))
        {
            var person = directory.FindByExtension(extension);
            var isOperator = DemoData.Operators.Contains(extension);
            List<UserRole> roles = isOperator ? [UserRole.Operator, UserRole.Staff] : [UserRole.Staff];
            if (person?.Title is { } title && title.Contains("leder", StringComparison.OrdinalIgnoreCase))
            {
                roles.Add(UserRole.DepartmentHead);
            }

            list.Add(new NewUser(extension, person?.Name ?? $"Lokal {extension}", roles, "demo" + extension)
            {
                Extension = extension,
                PersonId = person?.Id,
                DepartmentId = person?.DepartmentId,
            });
        }

        // The operators and the administrator first, so the console can be used at once; the
        // hundred staff logins (their inboxes) follow in the background: each password costs
        // PBKDF2's deliberate tens of milliseconds.
        var first = list.Where(u => u.Roles.Contains(UserRole.Operator) || u.Roles.Contains(UserRole.Admin)).ToList();
        var added = await users.CreateManyAsync(first, cancellationToken);
        var staff = Task.Run(
            async () =>
            {
                try
                {
                    var rest = await users.CreateManyAsync([.. list.Except(first)], CancellationToken.None);
                    LogSeeded(logger, added + rest);
                }
                catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
                {
                    LogSeedFailed(logger, e);
                }
            },
            CancellationToken.None);
        faults.Boundary("host.demo").Observe(staff, null, "the staff's demo logins");
    }

    [LoggerMessage(EventId = 9020, Level = LogLevel.Information, Message = "Demo: {Count} web logins made (operators 100-103 and staff: password demo + extension; admin / demoadmin)")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 9021, Level = LogLevel.Error, Message = "Demo: the staff logins could not be made; the operators' and admin's were")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
