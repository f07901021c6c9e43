namespace Omstilling.Storage.Entities;

/// <summary>
/// Someone who logs in to the web app: a switchboard operator, a member of staff reading their
/// messages, a department head, or an administrator. The password is kept only as a hash (Users/PasswordHashing.cs).
/// </summary>
public sealed class ConsoleUser
{
    public int Id { get; set; }

    /// <summary>The login name (the extension for the demo accounts); unique, compared case-insensitively.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Comma-separated <see cref="Users.UserRole"/> names.</summary>
    public required string Roles { get; set; }

    /// <summary>The user's phone: the operator's extension the console controls, or a staff member's own.</summary>
    public string? Extension { get; set; }

    /// <summary>The directory person the user is (their inbox), when they are one.</summary>
    public string? PersonId { get; set; }

    /// <summary>For a department head: the department whose absence notices they may post.</summary>
    public string? DepartmentId { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Disabled { get; set; }
}
