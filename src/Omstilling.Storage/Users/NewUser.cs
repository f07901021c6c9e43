namespace Omstilling.Storage.Users;

/// <summary>A web user to create (the password is hashed, never stored).</summary>
public sealed record NewUser(string UserName, string DisplayName, IReadOnlyList<UserRole> Roles, string Password)
{
    public string? Extension { get; init; }

    public string? PersonId { get; init; }

    public string? DepartmentId { get; init; }
}
