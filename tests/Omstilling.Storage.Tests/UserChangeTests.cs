using Omstilling.Storage.Users;

namespace Omstilling.Storage.Tests;

/// <summary>Disabling, enabling, a new password and removal (omstilling users disable|enable|passwd|remove).</summary>
public sealed class UserChangeTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_disabled_user_cannot_log_in_until_enabled_and_keeps_a_new_password(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);
        await users.CreateAsync(new NewUser("Jette", "Jette Holm", [UserRole.Operator], "hemmelig-kode") { Extension = "101" }, default);

        Assert.Equal(UserChange.Done, await users.DisableAsync("JETTE", default));
        Assert.Null(await users.VerifyAsync("jette", "hemmelig-kode", default));
        Assert.False(await users.IsActiveAsync("jette", default));
        Assert.True((await users.FindAsync("jette", default))!.Disabled);
        Assert.Equal([true], (await users.ListAsync(default)).Select(u => u.Disabled));
        Assert.Equal(UserChange.Done, await users.DisableAsync("jette", default));

        Assert.Equal(UserChange.Done, await users.SetPasswordAsync("jette", "ny-kode-123", default));
        Assert.Null(await users.VerifyAsync("jette", "ny-kode-123", default));

        Assert.Equal(UserChange.Done, await users.EnableAsync("jette", default));
        Assert.True(await users.IsActiveAsync("Jette", default));
        Assert.Null(await users.VerifyAsync("jette", "hemmelig-kode", default));
        var user = await users.VerifyAsync("jette", "ny-kode-123", default);
        Assert.Equal(("jette", "101", false), (user!.UserName, user.Extension, user.Disabled));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_removed_user_is_gone_and_an_unknown_one_is_reported(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);
        await users.CreateAsync(new NewUser("ib", "Ib", [UserRole.Staff], "hemmelig-kode"), default);

        Assert.Equal(UserChange.Done, await users.RemoveAsync("IB", default));
        Assert.Null(await users.VerifyAsync("ib", "hemmelig-kode", default));
        Assert.False(await users.IsActiveAsync("ib", default));
        Assert.Empty(await users.ListAsync(default));
        Assert.Equal(UserChange.Unknown, await users.RemoveAsync("ib", default));
        Assert.Equal(UserChange.Unknown, await users.DisableAsync("ib", default));
        Assert.Equal(UserChange.Unknown, await users.EnableAsync("ib", default));
        Assert.Equal(UserChange.Unknown, await users.SetPasswordAsync("ib", "hemmelig-kode", default));
        Assert.True(await users.CreateAsync(new NewUser("ib", "Ib igen", [UserRole.Staff], "hemmelig-kode"), default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task The_last_enabled_admin_is_neither_disabled_nor_removed(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);
        await users.CreateManyAsync(
        [
            new NewUser("anne", "Anne", [UserRole.Operator, UserRole.Admin], "a"),
            new NewUser("bo", "Bo", [UserRole.Admin], "b"),
            new NewUser("ib", "Ib", [UserRole.Staff], "c"),
        ], default);

        Assert.Equal(UserChange.Done, await users.DisableAsync("anne", default));
        Assert.Equal(UserChange.LastAdmin, await users.DisableAsync("bo", default));
        Assert.Equal(UserChange.LastAdmin, await users.RemoveAsync("bo", default));
        Assert.True(await users.IsActiveAsync("bo", default));
        Assert.Equal(UserChange.Done, await users.RemoveAsync("ib", default));
        Assert.Equal(UserChange.Done, await users.SetPasswordAsync("bo", "ny-kode-123", default));
        Assert.Equal(UserChange.Done, await users.RemoveAsync("anne", default)); // disabled: not an admin who counts

        await users.CreateAsync(new NewUser("cecilie", "Cecilie", [UserRole.Admin], "c"), default);
        Assert.Equal(UserChange.Done, await users.RemoveAsync("bo", default));
        Assert.Equal(UserChange.LastAdmin, await users.DisableAsync("cecilie", default));
        Assert.Equal(["cecilie"], (await users.ListAsync(default)).Select(u => u.UserName));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Two_admins_disabling_each_other_at_once_leave_one(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var users = new UserStore(test.Database, test.Time);
        for (var round = 0; round < 5; round++)
        {
            await users.CreateManyAsync([new NewUser($"a{round}", "A", [UserRole.Admin], "a"), new NewUser($"b{round}", "B", [UserRole.Admin], "b")], default);
            if (round > 0)
            {
                Assert.Equal(UserChange.Done, await users.RemoveAsync($"a{round - 1}", default)); // b of the last round is disabled
                Assert.Equal(UserChange.Done, await users.RemoveAsync($"b{round - 1}", default));
            }

            var results = await Task.WhenAll(
                Task.Run(() => users.DisableAsync($"a{round}", default)),
                Task.Run(() => users.DisableAsync($"b{round}", default)));

            Assert.Equal([UserChange.Done, UserChange.LastAdmin], results.Order());
            Assert.Single(await users.ListAsync(default), u => !u.Disabled);
        }
    }
}
