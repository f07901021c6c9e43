using System.Threading.Channels;
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

        // The operators and the administrator before the web app listens, so the console can be
        // used at once (their five hashes spread over the cores: about 0.25 s). The hundred staff
        // logins (their inboxes) follow on one thread of the lowest priority: each password costs
        // the hash's deliberate 0.1 s of a core, 10 s in all, which must not slow calls, tests or
        // anything else on the machine. They are added ten at a time as they are ready.
        var first = list.Where(u => u.Roles.Contains(UserRole.Operator) || u.Roles.Contains(UserRole.Admin)).ToList();
        var added = await users.CreateManyAsync(first, cancellationToken);
        var staff = Channel.CreateUnbounded<List<HashedUser>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var boundary = faults.Boundary("host.demo");
        var hasher = new Thread(() => boundary.Run(() => HashStaff(users, [.. list.Except(first)], staff.Writer), null, "hashing the staff's demo logins"))
        {
            IsBackground = true,
            Name = "Demo logins",
        };
        hasher.Start();
        boundary.Observe(AddStaffAsync(users, staff.Reader, added, logger), null, "the staff's demo logins");
    }

    /// <summary>On its own thread, at the lowest priority: the staff's hashes, ten at a time.</summary>
    private static void HashStaff(UserStore users, IReadOnlyList<NewUser> staff, ChannelWriter<List<HashedUser>> ready)
    {
        IdlePriority.TryLowerCurrentThread();
        try
        {
            foreach (var chunk in staff.Chunk(10))
            {
                ready.TryWrite([.. chunk.Select(users.Prepare)]);
            }
        }
        finally
        {
            ready.TryComplete();
        }
    }

    private static async Task AddStaffAsync(UserStore users, ChannelReader<List<HashedUser>> ready, int added, ILogger logger)
    {
        try
        {
            await foreach (var chunk in ready.ReadAllAsync())
            {
                added += await users.AddAsync(chunk, CancellationToken.None);
            }

            LogSeeded(logger, added);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            LogSeedFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 9020, Level = LogLevel.Information, Message = "Demo: {Count} web logins made (operators 100-103 and staff: password demo + extension; admin / demoadmin)")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 9021, Level = LogLevel.Error, Message = "Demo: the staff logins could not be made; the operators' and admin's were")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
