using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Users;

/// <summary>
/// Web passwords: ASP.NET Core Identity's hasher (its format V3: PBKDF2 with HMAC-SHA512, a random
/// 128-bit salt, a 256-bit key, the iteration count kept in the hash) at 210,000 iterations,
/// OWASP's count for PBKDF2-HMAC-SHA512 (Password Storage Cheat Sheet). A hash made with fewer
/// iterations, or in our first format ("pbkdf2-sha256$100000$salt$hash", base64), still verifies
/// and asks to be made again (<see cref="PasswordVerificationResult.SuccessRehashNeeded"/>), which
/// the user store does at a successful login, so raising the count needs no migration. A hash
/// costs about 0.1 s of one core on the reference machine (the first format's 100,000 iterations
/// of SHA-256 cost 0.02 s): slow on purpose. Verification takes the same time whether or not the
/// password matches. Thread-safe.
/// </summary>
internal sealed class PasswordHashing
{
    public const int Iterations = 210_000;

    private const string LegacyScheme = "pbkdf2-sha256";

    private readonly PasswordHasher<ConsoleUser> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    /// <summary>A hash that matches no password, checked for unknown users so that they cost as much as known ones.</summary>
    private readonly Lazy<string> _decoy;

    public PasswordHashing() =>
        _decoy = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _hasher.HashPassword(null!, password); // the user is not part of the hash
    }

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="stored"/>; a missing or malformed
    /// hash matches nothing (and costs as much as a real one).
    /// </summary>
    public PasswordVerificationResult Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (stored is null)
        {
            _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
            return PasswordVerificationResult.Failed;
        }

        if (stored.StartsWith(LegacyScheme + "$", StringComparison.Ordinal))
        {
            return VerifyLegacy(password, stored) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
        }

        try
        {
            return _hasher.VerifyHashedPassword(null!, stored, password);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed; // not base64: not a hash of ours
        }
    }

    /// <summary>Our first format: PBKDF2-HMAC-SHA256 with the count, salt and key in "pbkdf2-sha256$count$salt$key".</summary>
    private static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > 10_000_000)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (expected.Length == 0)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
