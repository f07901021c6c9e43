namespace Omstilling.Storage.Users;

/// <summary>
/// A user ready to be added (<see cref="UserStore.Prepare"/>): the password hashed, the slow part
/// done, the password itself dropped. Immutable.
/// </summary>
public sealed class HashedUser
{
    internal HashedUser(NewUser user, string passwordHash)
    {
        User = user with { Password = string.Empty };
        PasswordHash = passwordHash;
    }

    public string UserName => User.UserName;

    internal NewUser User { get; }

    internal string PasswordHash { get; }
}
