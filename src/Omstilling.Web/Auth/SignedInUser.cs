using System.Security.Claims;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Auth;

/// <summary>The web user a request or circuit belongs to, read from the login cookie's claims. Immutable.</summary>
public sealed record SignedInUser(string UserName, string DisplayName, IReadOnlyList<UserRole> Roles, string? Extension, string? PersonId, string? DepartmentId)
{
    public const string ExtensionClaim = "omstilling:extension";
    public const string PersonClaim = "omstilling:person";
    public const string DepartmentClaim = "omstilling:department";
    public const string DisplayNameClaim = "omstilling:display-name";

    public bool IsAdmin => Roles.Contains(UserRole.Admin);

    /// <summary>May post absence notices for <paramref name="departmentId"/>: an admin for any, a head for their own.</summary>
    public bool MayPostNoticeFor(string departmentId) => IsAdmin || (Roles.Contains(UserRole.DepartmentHead) && DepartmentId == departmentId);

    /// <summary>The claims of a login: the user, their roles, phone, person and department, and <paramref name="signedIn"/> (when the password was given).</summary>
    public static ClaimsPrincipal Principal(WebUser user, string scheme, Claim signedIn)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(DisplayNameClaim, user.DisplayName),
            signedIn,
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (user.Extension is { } ext)
        {
            claims.Add(new Claim(ExtensionClaim, ext));
        }

        if (user.PersonId is { } person)
        {
            claims.Add(new Claim(PersonClaim, person));
        }

        if (user.DepartmentId is { } department)
        {
            claims.Add(new Claim(DepartmentClaim, department));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static SignedInUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return null;
        }

        return new SignedInUser(
            name,
            principal.FindFirstValue(DisplayNameClaim) ?? name,
            [.. principal.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<UserRole>(c.Value, out var role) ? role : (UserRole?)null).OfType<UserRole>()],
            principal.FindFirstValue(ExtensionClaim),
            principal.FindFirstValue(PersonClaim),
            principal.FindFirstValue(DepartmentClaim));
    }
}
