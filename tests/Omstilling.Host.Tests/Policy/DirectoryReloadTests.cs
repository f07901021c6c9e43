using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Policy;

/// <summary>The running server follows edits to its directory file alone, and keeps the directory in use when an edit is broken.</summary>
public sealed class DirectoryReloadTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-directory-").FullName;

    [Fact]
    public async Task An_edited_directory_file_is_reloaded_and_a_broken_edit_is_refused()
    {
        var file = Path.Combine(_folder, "vidensdatabase.yaml");
        var original = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund-directory.yaml"));
        await File.WriteAllTextAsync(file, original);
        await using var server = await ServerProcess.StartAsync("--directory", file);

        var edited = original.Replace("topics: [budget, regnskab, faktura, opkrævning]", "topics: [budget, regnskab, faktura, opkrævning, ejendomsskat]", StringComparison.Ordinal);
        var broken = original.Replace("area: direktion-og-administration\n    topics: [budget", "area: ingen-saadan\n    topics: [budget", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        Assert.NotEqual(original, broken);
        await File.WriteAllTextAsync(file, edited);
        Assert.True(await Eventually.ReachedAsync(() => server.Output.Contains($"The staff directory {file} was reloaded", StringComparison.Ordinal)), server.Output);

        // Only what is logged from here on counts: a read of the first edit half written may have been refused too.
        var before = server.Output.Length;
        string Since() => server.Output[Math.Min(before, server.Output.Length)..];
        await File.WriteAllTextAsync(file, broken);
        Assert.True(await Eventually.ReachedAsync(() => Since().Contains("ingen-saadan", StringComparison.Ordinal) && Since().Contains($"The staff directory {file} was not reloaded", StringComparison.Ordinal)), server.Output);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
