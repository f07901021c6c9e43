using Omstilling.Storage.Users;

namespace Omstilling.Web.Admin;

/// <summary>"Brugere og telefoner"'s Danish words: roles, and why a change was refused. Pure.</summary>
public static class AdminText
{
    public static string Role(UserRole role) => role switch
    {
        UserRole.Operator => "Omstilling",
        UserRole.Staff => "Medarbejder",
        UserRole.DepartmentHead => "Afdelingsleder",
        UserRole.Admin => "Administrator",
        _ => throw new System.Diagnostics.UnreachableException($"UserRole {role}"),
    };

    public static string Roles(IEnumerable<UserRole> roles) => string.Join(", ", roles.Select(Role));

    /// <summary>Why a login could not be changed, or null when it was.</summary>
    public static string? Refusal(UserChange change, string userName) => change switch
    {
        UserChange.Done => null,
        UserChange.Unknown => $"Brugeren {userName} findes ikke (længere).",
        UserChange.LastAdmin => $"{userName} er den sidste aktive administrator og kan ikke spærres eller slettes. Opret eller genåbn en anden administrator først.",
        _ => throw new System.Diagnostics.UnreachableException($"UserChange {change}"),
    };

    /// <summary>Why a phone's account could not be changed, or null when it was.</summary>
    public static string? Refusal(PhoneAccountChange change, string extension) => change switch
    {
        PhoneAccountChange.Done => null,
        PhoneAccountChange.Unknown => $"Lokalnummer {extension} har ingen SIP-konto.",
        PhoneAccountChange.Exists => $"Lokalnummer {extension} har allerede en SIP-konto. Brug »Ny SIP-adgangskode«.",
        PhoneAccountChange.NotAnExtension => $"»{extension}« er ikke et lokalnummer (2 til 10 cifre).",
        _ => throw new System.Diagnostics.UnreachableException($"PhoneAccountChange {change}"),
    };
}
