using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;

namespace Omstilling.Media.Tests.Prompts;

/// <summary>Prompts that only have text: speech is used while its text is the text asked for.</summary>
public sealed class SpokenPromptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("omstilling-spoken-").FullName;

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    [Fact]
    public async Task Speech_of_the_same_text_is_used_as_it_is()
    {
        var bundled = Folder("bundled");
        WavWriter.Write(Path.Combine(bundled, "lukket.wav"), new short[1600]);
        await File.WriteAllTextAsync(Path.Combine(bundled, "lukket.txt"), "Vi har lukket.\n");
        var library = new PromptLibrary([Folder("own")], [bundled, Folder("spoken")]);

        await library.EnsureAsync("policy/lukket", "Vi har lukket.", CancellationToken.None);

        Assert.Equal(1600, library.Get("policy/lukket").Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "spoken")));
    }

    [Fact]
    public async Task Edited_text_is_spoken_anew_and_replaces_what_was_played()
    {
        var spoken = Folder("spoken");
        WavWriter.Write(Path.Combine(spoken, "lukket.wav"), new short[1600]);
        await File.WriteAllTextAsync(Path.Combine(spoken, "lukket.txt"), "Vi har lukket.\n");
        var library = new PromptLibrary([Folder("own")], [spoken]);
        await library.EnsureAsync("policy/lukket", "Vi har lukket.", CancellationToken.None);
        Assert.Equal(1600, library.Get("policy/lukket").Length);

        await library.EnsureAsync("policy/lukket", "Vi har lukket for i dag.", CancellationToken.None);

        Assert.NotEqual(1600, library.Get("policy/lukket").Length);
        Assert.InRange(library.Get("policy/lukket").Duration.TotalSeconds, 0.8, 5);
        Assert.Equal("Vi har lukket for i dag.\n", await File.ReadAllTextAsync(Path.Combine(spoken, "lukket.txt")));
        Assert.False(File.Exists(Path.Combine(spoken, "lukket.new.wav")));
    }

    [Fact]
    public async Task Kept_speech_that_cannot_be_read_is_spoken_anew()
    {
        var spoken = Folder("spoken");
        await File.WriteAllBytesAsync(Path.Combine(spoken, "navn-anne.wav"), "RIFF"u8.ToArray()); // cut short
        await File.WriteAllTextAsync(Path.Combine(spoken, "navn-anne.txt"), "Anne Sørensen\n");
        var library = new PromptLibrary([Folder("own")], [spoken]);

        await library.EnsureAsync("navn-anne", "Anne Sørensen", CancellationToken.None);

        Assert.InRange(library.Get("navn-anne").Duration.TotalSeconds, 0.5, 5);
        Assert.True(library.TryGet(["navn-anne"]));
    }

    [Fact]
    public async Task Readable_speech_in_a_later_folder_is_used_past_an_unreadable_one()
    {
        var bundled = Folder("bundled");
        await File.WriteAllBytesAsync(Path.Combine(bundled, "lukket.wav"), "RIFF"u8.ToArray());
        await File.WriteAllTextAsync(Path.Combine(bundled, "lukket.txt"), "Vi har lukket.\n");
        var spoken = Folder("spoken");
        WavWriter.Write(Path.Combine(spoken, "lukket.wav"), new short[1600]);
        await File.WriteAllTextAsync(Path.Combine(spoken, "lukket.txt"), "Vi har lukket.\n");
        var library = new PromptLibrary([Folder("own")], [bundled, spoken]);

        await library.EnsureAsync("policy/lukket", "Vi har lukket.", CancellationToken.None);

        Assert.Equal(1600, library.Get("policy/lukket").Length); // not spoken again
    }

    [Fact]
    public async Task A_recording_in_the_own_folder_wins_over_speech()
    {
        var own = Folder("own");
        Directory.CreateDirectory(Path.Combine(own, "policy"));
        WavWriter.Write(Path.Combine(own, "policy", "goddag.wav"), new short[800]);
        var spoken = Folder("spoken");
        var library = new PromptLibrary([own], [spoken]);

        await library.EnsureAsync("policy/goddag", "Guldborgsund Kommune - Goddag.", CancellationToken.None);

        Assert.Equal(800, library.Get("policy/goddag").Length);
        Assert.Empty(Directory.GetFiles(spoken));
    }

    [Fact]
    public async Task Without_speech_or_anywhere_to_put_it_the_error_names_the_prompt_and_its_text()
    {
        var library = new PromptLibrary([Folder("own")]);

        var e = await Assert.ThrowsAsync<AudioFormatException>(() => library.EnsureAsync("policy/hjemmehjaelp", "Hjemmehjælp.", CancellationToken.None));

        Assert.Contains("policy/hjemmehjaelp", e.Message, StringComparison.Ordinal);
        Assert.Contains("Hjemmehjælp.", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
