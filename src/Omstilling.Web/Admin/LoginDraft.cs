using Omstilling.Storage.Users;

namespace Omstilling.Web.Admin;

/// <summary>The new-login form's fields while IT fills them in (bound, so mutable). Not thread-safe: one per page.</summary>
public sealed class LoginDraft
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public HashSet<UserRole> Roles { get; } = [];

    public string? Extension { get; set; }

    public string? PersonId { get; set; }

    public string Password { get; set; } = "";

    public string Repeated { get; set; } = "";

    public void Toggle(UserRole role, bool on)
    {
        if (on)
        {
            Roles.Add(role);
        }
        else
        {
            Roles.Remove(role);
        }
    }
}
