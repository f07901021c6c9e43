using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Users;

namespace Omstilling.Storage.Tests;

public sealed class UserStoreTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_user_logs_in_with_the_right_password_only_and_names_ignore_case(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);

        Assert.True(await users.CreateAsync(new NewUser("Operator100", "Operatør 100", [UserRole.Operator], "hemmelig") { Extension = "100" }, default));
        Assert.False(await users.CreateAsync(new NewUser("operator100", "Igen", [UserRole.Staff], "x"), default));

        var user = await users.VerifyAsync("OPERATOR100", "hemmelig", default);
        Assert.NotNull(user);
        Assert.Equal(("operator100", "100"), (user.UserName, user.Extension));
        Assert.Equal([UserRole.Operator], user.Roles);
        Assert.Null(await users.VerifyAsync("operator100", "Hemmelig", default));
        Assert.Null(await users.VerifyAsync("nobody", "hemmelig", default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Creating_many_users_skips_the_names_that_exist(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);
        await users.CreateAsync(new NewUser("2001", "Først", [UserRole.Staff], "a"), default);

        var added = await users.CreateManyAsync([new NewUser("2001", "Igen", [UserRole.Staff], "b"), new NewUser("2002", "Ny", [UserRole.Staff, UserRole.DepartmentHead], "c") { DepartmentId = "borgerservice" }], default);

        Assert.Equal(1, added);
        Assert.Equal(["2001", "2002"], (await users.ListAsync(default)).Select(u => u.UserName));
        Assert.NotNull(await users.VerifyAsync("2001", "a", default));
        var head = await users.VerifyAsync("2002", "c", default);
        Assert.Equal([UserRole.Staff, UserRole.DepartmentHead], head!.Roles);
        Assert.Equal("borgerservice", head.DepartmentId);
    }

    [Fact]
    public void A_hash_is_identitys_v3_at_owasps_count_and_verifies_its_password_only()
    {
        var passwords = new PasswordHashing();
        var hash = passwords.Hash("demo100");

        Assert.Equal(PasswordVerificationResult.Success, passwords.Verify("demo100", hash));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("demo101", hash));
        Assert.NotEqual(hash, passwords.Hash("demo100"));

        // Format V3: 0x01, the PRF (2 = HMAC-SHA512), the iteration count, the salt's length, all big-endian.
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
        Assert.Equal(210_000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
        Assert.Equal(16u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)));
    }

    [Fact]
    public void A_hash_of_the_first_format_verifies_and_asks_to_be_made_again_and_a_malformed_one_matches_nothing()
    {
        var passwords = new PasswordHashing();
        var legacy = LegacyHash("demo100");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, passwords.Verify("demo100", legacy));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("demo101", legacy));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("demo100", "pbkdf2-sha256$x$y$z"));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("demo100", "pbkdf2-sha256$100000$AAAA$"));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("demo100", "plain"));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("demo100", "AQAAAA=="));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("", null));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task An_old_hash_is_made_again_with_todays_parameters_at_a_successful_login_only(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);
        await users.CreateAsync(new NewUser("2001", "Birgitte Holst", [UserRole.Staff], "demo2001"), default);
        var legacy = LegacyHash("demo2001");
        await SetHashAsync(test, "2001", legacy);

        Assert.Null(await users.VerifyAsync("2001", "forkert", default));
        Assert.Equal(legacy, await HashOfAsync(test, "2001"));

        Assert.NotNull(await users.VerifyAsync("2001", "demo2001", default));
        var renewed = await HashOfAsync(test, "2001");
        Assert.NotEqual(legacy, renewed);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHashing().Verify("demo2001", renewed));
        Assert.NotNull(await users.VerifyAsync("2001", "demo2001", default));
        Assert.Equal(renewed, await HashOfAsync(test, "2001"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Users_prepared_beforehand_are_added_once_and_log_in(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);
        var prepared = users.Prepare(new NewUser("2050", "Jonas", [UserRole.Staff], "demo2050") { PersonId = "jonas" });

        Assert.Equal(1, await users.AddAsync([prepared], default));
        Assert.Equal(0, await users.AddAsync([prepared], default));
        Assert.Equal("jonas", (await users.VerifyAsync("2050", "demo2050", default))?.PersonId);
    }

    /// <summary>A hash as the first version of the user store made them: PBKDF2-HMAC-SHA256, 100,000 iterations.</summary>
    private static string LegacyHash(string password)
    {
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        var key = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(password), salt, 100_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256$100000${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }

    private static async Task SetHashAsync(TestDatabase test, string userName, string hash)
    {
        await using var db = test.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.PasswordHash = hash;
        await db.SaveChangesAsync();
    }

    private static async Task<string> HashOfAsync(TestDatabase test, string userName)
    {
        await using var db = test.Database.CreateContext();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName)).PasswordHash;
    }
}
