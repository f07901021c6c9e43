using System.Collections.Concurrent;
using Omstilling.Media.Audio;

namespace Omstilling.Media.Prompts;

/// <summary>
/// Prompts by name, loaded once and shared by every call. A name is looked up in the folders in
/// order (the installation's own recordings first, then the bundled Danish set), as
/// <c>&lt;name&gt;.wav</c>. A file that cannot be used is a clear error naming it. Thread-safe.
/// </summary>
public sealed class PromptLibrary
{
    private readonly IReadOnlyList<string> _folders;
    private readonly ConcurrentDictionary<string, AudioClip> _cache = new(StringComparer.Ordinal);

    public PromptLibrary(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        _folders = folders;
    }

    public IReadOnlyList<string> Folders => _folders;

    /// <summary>The file a name resolves to, or null when no folder has it.</summary>
    public string? Locate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _folders.Select(f => Path.Combine(f, name + ".wav")).FirstOrDefault(File.Exists);
    }

    /// <summary>The prompt; throws <see cref="AudioFormatException"/> naming the prompt or file when it cannot be had.</summary>
    public AudioClip Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _cache.GetOrAdd(name, static (n, self) =>
        {
            var file = self.Locate(n) ?? throw new AudioFormatException(
                $"prompt '{n}' not found: looked for {n}.wav in {string.Join(", ", self._folders)}");
            return WavReader.Read(file, n);
        }, this);
    }

    public IReadOnlyList<AudioClip> Get(IEnumerable<string> names) => names.Select(Get).ToList();

    /// <summary>Loads every named prompt now, so a broken or missing file stops start-up instead of a call.</summary>
    public IReadOnlyList<string> Preload(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var errors = new List<string>();
        foreach (var name in names)
        {
            try
            {
                Get(name);
            }
            catch (AudioFormatException e)
            {
                errors.Add(e.Message);
            }
        }

        return errors;
    }

    /// <summary>
    /// Makes sure a prompt with known text exists: synthesises it into <paramref name="folder"/>
    /// when no folder has it and espeak-ng is installed.
    /// </summary>
    public async Task EnsureAsync(string name, string text, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (Locate(name) is not null)
        {
            return;
        }

        if (!EspeakSynthesizer.IsAvailable())
        {
            throw new AudioFormatException($"prompt '{name}' has no recording and espeak-ng/sox are not installed to speak \"{text}\"");
        }

        Directory.CreateDirectory(folder);
        await EspeakSynthesizer.SynthesizeAsync(text, Path.Combine(folder, name + ".wav"), cancellationToken);
        _cache.TryRemove(name, out _);
    }
}
