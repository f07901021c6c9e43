namespace Omstilling.Storage.Users;

/// <summary>What a web user may do. A user may have several.</summary>
public enum UserRole
{
    /// <summary>A switchboard operator: the console.</summary>
    Operator,

    /// <summary>Staff: their own messages.</summary>
    Staff,

    /// <summary>A department head: their department's absence notices, and their own messages.</summary>
    DepartmentHead,

    /// <summary>Everything, including users and every department's notices.</summary>
    Admin,
}
