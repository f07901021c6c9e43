using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Users;

/// <summary>Web users: create, list, and check a login. Login names are case-insensitive. Thread-safe.</summary>
public sealed class UserStore(OmstillingDatabase database, TimeProvider time)
{
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public async Task<bool> CreateAsync(NewUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = Normalise(user.UserName);
        await using var db = database.CreateContext();
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            return false;
        }

        db.Users.Add(ToRecord(user, PasswordHasher.Hash(user.Password), time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // Created by someone else between the check and the insert.
        }
    }

    /// <summary>Adds many users at once (the demo's), skipping names that exist; returns how many were added.</summary>
    public async Task<int> CreateManyAsync(IReadOnlyList<NewUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        await using var db = database.CreateContext();
        var existing = (await db.Users.Select(u => u.UserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = users.Where(u => !existing.Contains(Normalise(u.UserName))).ToList();

        // Hashing is the slow part (on purpose): spread it over the cores.
        var hashes = new string[fresh.Count];
        Parallel.For(0, fresh.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => hashes[i] = PasswordHasher.Hash(fresh[i].Password));
        var now = time.GetUtcNow();
        for (var i = 0; i < fresh.Count; i++)
        {
            db.Users.Add(ToRecord(fresh[i], hashes[i], now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return fresh.Count;
    }

    /// <summary>The user when the name and password match an enabled user, else null (in the same time either way).</summary>
    public async Task<WebUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var name = Normalise(userName);
        await using var db = database.CreateContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        var matches = PasswordHasher.Verify(password, user?.PasswordHash ?? PasswordHasher.Decoy);
        return user is { Disabled: false } && matches ? ToWebUser(user) : null;
    }

    public async Task<WebUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = Normalise(userName);
        await using var db = database.CreateContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        return user is null ? null : ToWebUser(user);
    }

    public async Task<IReadOnlyList<WebUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. users.Select(ToWebUser)];
    }

    private static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    private static ConsoleUser ToRecord(NewUser user, string passwordHash, DateTimeOffset createdAt) => new()
    {
        UserName = Normalise(user.UserName),
        DisplayName = user.DisplayName,
        Roles = string.Join(',', user.Roles),
        Extension = user.Extension,
        PersonId = user.PersonId,
        DepartmentId = user.DepartmentId,
        PasswordHash = passwordHash,
        CreatedAt = createdAt,
    };

    private static WebUser ToWebUser(ConsoleUser user) => new(
        user.Id,
        user.UserName,
        user.DisplayName,
        [.. user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.TryParse<UserRole>(r, out var role) ? role : (UserRole?)null).OfType<UserRole>()],
        user.Extension,
        user.PersonId,
        user.DepartmentId);
}
