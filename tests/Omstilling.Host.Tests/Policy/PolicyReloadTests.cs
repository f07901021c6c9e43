using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Policy;

/// <summary>The running server follows edits to its policy file, and keeps the old policy when an edit is broken.</summary>
public sealed class PolicyReloadTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-policy-").FullName;

    [Fact]
    public async Task An_edited_policy_is_in_force_with_its_new_words_spoken_and_a_broken_edit_changes_nothing()
    {
        var file = Path.Combine(_folder, "kommune.yaml");
        var original = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"));
        await File.WriteAllTextAsync(file, original);
        await using var server = await ServerProcess.StartAsync("--policy", file);
        Assert.Contains("Guldborgsund Kommune - Goddag.", await ExplainMainNumberAsync(server), StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, original.Replace("goddag: Guldborgsund Kommune - Goddag.", "goddag: Guldborgsund Kommune - God morgen.", StringComparison.Ordinal));

        Assert.True(await Eventually.ReachedAsync(async () => (await ExplainMainNumberAsync(server)).Contains("God morgen", StringComparison.Ordinal)), server.Output);
        var spoken = Path.Combine(server.DataDirectory, "prompts", "spoken");
        Assert.Equal("Guldborgsund Kommune - God morgen.\n", await File.ReadAllTextAsync(Path.Combine(spoken, "goddag.txt")));
        Assert.True(new FileInfo(Path.Combine(spoken, "goddag.wav")).Length > 8000);

        await File.WriteAllTextAsync(file, original.Replace("ring-limit: 4 ", "ring-limit: fire ", StringComparison.Ordinal));

        Assert.True(await Eventually.ReachedAsync(() => server.Output.Contains("rejected with 1 error(s)", StringComparison.Ordinal)), server.Output);
        Assert.Contains("kommune.yaml:15:", server.Output, StringComparison.Ordinal);
        Assert.Contains("God morgen", await ExplainMainNumberAsync(server), StringComparison.Ordinal);
    }

    private static async Task<string> ExplainMainNumberAsync(ServerProcess server) =>
        (await server.GetAsync("/api/explain?number=54731000&at=2026-12-01T10:00")).GetProperty("text").GetString()!;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
