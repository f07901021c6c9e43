using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Users;

/// <summary>
/// Web users: create, list, disable, enable, change a password, remove, and check a login (the
/// password hashes are <see cref="PasswordHashing"/>'s). Login names are case-insensitive. No change
/// leaves the installation without an enabled administrator if it had one. Thread-safe.
/// </summary>
public sealed class UserStore(OmstillingDatabase database, TimeProvider time)
{
    /// <summary>The shortest password a login may have (the command line and the web page both hold new ones to it).</summary>
    public const int MinimumPasswordLength = 8;

    private readonly PasswordHashing _passwords = new();

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

        db.Users.Add(ToRecord(user, _passwords.Hash(user.Password), time.GetUtcNow()));
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

    /// <summary>Adds many users at once, skipping names that exist; returns how many were added. Hashing is spread over the cores.</summary>
    public async Task<int> CreateManyAsync(IReadOnlyList<NewUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var existing = await ExistingNamesAsync(cancellationToken);
        var fresh = users.Where(u => !existing.Contains(Normalise(u.UserName))).ToList();
        var hashed = new HashedUser[fresh.Count];
        Parallel.For(0, fresh.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => hashed[i] = Prepare(fresh[i]));
        return await AddAsync(hashed, cancellationToken);
    }

    /// <summary>
    /// Hashes the user's password on the calling thread: the slow part of adding a user (about
    /// 0.1 s of one core), so that a caller may do it where it costs least (the demo's staff, on
    /// a thread of the lowest priority).
    /// </summary>
    public HashedUser Prepare(NewUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new HashedUser(user, _passwords.Hash(user.Password));
    }

    /// <summary>Adds users prepared by <see cref="Prepare"/>, skipping names that exist; returns how many were added.</summary>
    public async Task<int> AddAsync(IReadOnlyList<HashedUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var existing = await ExistingNamesAsync(cancellationToken);
        await using var db = database.CreateContext();
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var user in users.Where(u => existing.Add(Normalise(u.UserName))))
        {
            db.Users.Add(ToRecord(user.User, user.PasswordHash, now));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// The user when the name and password match an enabled user, else null (in the same time
    /// either way). A hash made with older parameters is made again with today's, now that the
    /// password is at hand.
    /// </summary>
    public async Task<WebUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var name = Normalise(userName);
        await using var db = database.CreateContext();
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        var result = _passwords.Verify(password, user?.PasswordHash);
        if (user is not { Disabled: false } || result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = _passwords.Hash(password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ToWebUser(user);
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

    /// <summary>Whether <paramref name="userName"/> exists and is enabled: a login of theirs may go on.</summary>
    public async Task<bool> IsActiveAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = Normalise(userName);
        await using var db = database.CreateContext();
        return await db.Users.AnyAsync(u => u.UserName == name && !u.Disabled, cancellationToken);
    }

    /// <summary>The user can no longer log in; refused for the last enabled administrator.</summary>
    public Task<UserChange> DisableAsync(string userName, CancellationToken cancellationToken) =>
        ChangeAsync(userName, keepsAnAdmin: true, (_, user) => user.Disabled = true, cancellationToken);

    public Task<UserChange> EnableAsync(string userName, CancellationToken cancellationToken) =>
        ChangeAsync(userName, keepsAnAdmin: false, (_, user) => user.Disabled = false, cancellationToken);

    /// <summary>A new password (hashed like a new user's); the user stays enabled or disabled.</summary>
    public Task<UserChange> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var hash = _passwords.Hash(password);
        return ChangeAsync(userName, keepsAnAdmin: false, (_, user) => user.PasswordHash = hash, cancellationToken);
    }

    /// <summary>Removes the user; refused for the last enabled administrator. Their messages stay (they belong to the directory person).</summary>
    public Task<UserChange> RemoveAsync(string userName, CancellationToken cancellationToken) =>
        ChangeAsync(userName, keepsAnAdmin: true, (db, user) => db.Users.Remove(user), cancellationToken);

    /// <summary>
    /// Changes one user in a serializable transaction, so that two administrators disabling each
    /// other at once cannot leave none: SQLite takes its write lock at the start, and PostgreSQL
    /// fails one of the two (SQLSTATE 40001), which is tried again.
    /// </summary>
    private async Task<UserChange> ChangeAsync(string userName, bool keepsAnAdmin, Action<OmstillingDb, ConsoleUser> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var name = Normalise(userName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = database.CreateContext();
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
                var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
                if (user is null)
                {
                    return UserChange.Unknown;
                }

                if (keepsAnAdmin && !user.Disabled && IsAdmin(user.Roles))
                {
                    var others = await db.Users.Where(u => !u.Disabled && u.Id != user.Id).Select(u => u.Roles).ToListAsync(cancellationToken);
                    if (!others.Any(IsAdmin))
                    {
                        return UserChange.LastAdmin;
                    }
                }

                change(db, user);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return UserChange.Done;
            }
            catch (Exception e) when (attempt < 5 && IsSerializationFailure(e))
            {
                // Another change came between: read again.
            }
        }
    }

    /// <summary>PostgreSQL's 40001, as Npgsql throws it or wrapped by EF (a DbUpdateException in Npgsql's "transient failure").</summary>
    private static bool IsSerializationFailure(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException { SqlState: "40001" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAdmin(string roles) =>
        roles.Split(',', StringSplitOptions.TrimEntries).Contains(nameof(UserRole.Admin), StringComparer.Ordinal);

    private async Task<HashSet<string>> ExistingNamesAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return (await db.Users.Select(u => u.UserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
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
        user.DepartmentId)
    {
        Disabled = user.Disabled,
    };
}
