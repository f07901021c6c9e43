namespace Omstilling.Storage.Users;

/// <summary>A web user as the app sees them after login (no password hash). Immutable.</summary>
public sealed record WebUser(int Id, string UserName, string DisplayName, IReadOnlyList<UserRole> Roles, string? Extension, string? PersonId, string? DepartmentId)
{
    /// <summary>A disabled user cannot log in, and their open logins end (Web/Auth/ActiveLogins.cs); an administrator may enable them again.</summary>
    public bool Disabled { get; init; }
}
