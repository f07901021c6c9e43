using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Auth;

/// <summary>
/// Who may open what (docs/security.md has the whole table). Every endpoint and page needs a
/// login unless it says otherwise (the fallback policy), so one added without a thought is closed,
/// not open; these name the roles for the rest.
/// </summary>
public static class AccessPolicies
{
    /// <summary>The switchboard's calls and callers: operators and administrators.</summary>
    public const string Switchboard = "switchboard";

    /// <summary>Every call on the platform, and the server's own state: administrators.</summary>
    public const string Admin = "admin";

    /// <summary>Department absence notices: administrators, and department heads for their own department.</summary>
    public const string Notices = "notices";

    /// <summary>Reports of the call history (with callers' numbers): administrators, and department heads for their own department.</summary>
    public const string Reports = "reports";

    /// <summary>The voicemail boxes that are no one person's: operators (the switchboard's) and department heads (their department's); see VoicemailReaders.</summary>
    public const string SharedVoicemail = "shared-voicemail";

    /// <summary>The server's state for monitoring: administrators, or anyone on the management listener (<c>--management</c>).</summary>
    public const string AdminOrManagement = "admin-or-management";

    internal static void Add(AuthorizationOptions options, ManagementListener management)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Switchboard, p => p.RequireRole(nameof(UserRole.Operator), nameof(UserRole.Admin)));
        options.AddPolicy(Admin, p => p.RequireRole(nameof(UserRole.Admin)));
        options.AddPolicy(Notices, p => p.RequireRole(nameof(UserRole.Admin), nameof(UserRole.DepartmentHead)));
        options.AddPolicy(Reports, p => p.RequireRole(nameof(UserRole.Admin), nameof(UserRole.DepartmentHead)));
        options.AddPolicy(SharedVoicemail, p => p.RequireRole(nameof(UserRole.Operator), nameof(UserRole.DepartmentHead)));
        options.AddPolicy(AdminOrManagement, p => p.RequireAssertion(context =>
            context.User.IsInRole(nameof(UserRole.Admin)) || (context.Resource is HttpContext http && management.Serves(http))));
    }
}
