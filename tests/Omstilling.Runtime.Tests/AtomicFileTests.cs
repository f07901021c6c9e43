namespace Omstilling.Runtime.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-atomic-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_write_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "accounts.json");
        await File.WriteAllTextAsync(path, "old");

        await AtomicFile.WriteAllTextAsync(path, "nyt indhold æøå", CancellationToken.None);

        Assert.Equal("nyt indhold æøå", await File.ReadAllTextAsync(path));
        Assert.Equal([path], System.IO.Directory.GetFiles(_folder));
        Assert.Equal(0xC3, (await File.ReadAllBytesAsync(path))[12]); // UTF-8 without a byte-order mark: "æ" is the 13th byte
    }

    [Fact]
    public async Task A_write_that_fails_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "greeting.wav");
        await File.WriteAllBytesAsync(path, [1, 2, 3]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAllBytesAsync(path, new byte[100_000], cancelled.Token));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(path));
        Assert.Equal([path], System.IO.Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_committed_temporary_file_takes_the_name_and_an_existing_one_is_kept_unless_overwriting()
    {
        var temporary = AtomicFile.TemporaryFor(Path.Combine(_folder, "message.wav"));
        Assert.True(AtomicFile.IsTemporary(temporary));
        Assert.Equal(_folder, Path.GetDirectoryName(temporary));
        File.WriteAllBytes(temporary, [9]);
        var path = Path.Combine(_folder, "message.wav");

        AtomicFile.Commit(temporary, path, overwrite: false);

        Assert.Equal([9], File.ReadAllBytes(path));
        Assert.False(File.Exists(temporary));
        File.WriteAllBytes(temporary, [8]);
        Assert.Throws<IOException>(() => AtomicFile.Commit(temporary, path, overwrite: false));
        Assert.Equal([9], File.ReadAllBytes(path));
        Assert.NotEqual(AtomicFile.TemporaryFor(path), AtomicFile.TemporaryFor(path));
    }
}
