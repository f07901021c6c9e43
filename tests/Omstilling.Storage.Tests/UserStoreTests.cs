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
    public void A_hash_verifies_its_password_only_and_a_malformed_hash_matches_nothing()
    {
        var hash = PasswordHasher.Hash("demo100");

        Assert.True(PasswordHasher.Verify("demo100", hash));
        Assert.False(PasswordHasher.Verify("demo101", hash));
        Assert.NotEqual(hash, PasswordHasher.Hash("demo100"));
        Assert.StartsWith("pbkdf2-sha256$100000$", hash, StringComparison.Ordinal);
        Assert.False(PasswordHasher.Verify("demo100", "pbkdf2-sha256$x$y$z"));
        Assert.False(PasswordHasher.Verify("demo100", "plain"));
        Assert.False(PasswordHasher.Verify("", PasswordHasher.Decoy));
    }
}
