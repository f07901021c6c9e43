namespace Omstilling.Storage.Users;

/// <summary>A web user as the app sees them after login (no password hash). Immutable.</summary>
public sealed record WebUser(int Id, string UserName, string DisplayName, IReadOnlyList<UserRole> Roles, string? Extension, string? PersonId, string? DepartmentId);
