using System.Collections.Concurrent;
using Omstilling.Media.Audio;

namespace Omstilling.Media.Prompts;

/// <summary>
/// Prompts by name, loaded once and shared by every call. A name is looked up as
/// <c>&lt;name&gt;.wav</c> in the recording folders in order (the installation's own recordings
/// first, then the bundled Danish set); a prompt that only has text (the policy's own) is spoken:
/// a synthesised file is used only while the text kept beside it (<c>&lt;name&gt;.txt</c>) is the
/// text asked for, so an edited policy never plays yesterday's words. A file that cannot be used
/// is a clear error naming it. Thread-safe.
/// </summary>
public sealed class PromptLibrary
{
    private readonly IReadOnlyList<string> _folders;
    private readonly IReadOnlyList<string> _spokenFolders;
    private readonly ConcurrentDictionary<string, AudioClip> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _spoken = new(StringComparer.Ordinal);

    /// <param name="folders">Recordings, looked up by name in this order.</param>
    /// <param name="spokenFolders">
    /// Synthesised speech with its text, searched by <see cref="EnsureAsync"/> in this order; new
    /// speech is written to the last one.
    /// </param>
    public PromptLibrary(IReadOnlyList<string> folders, IReadOnlyList<string>? spokenFolders = null)
    {
        ArgumentNullException.ThrowIfNull(folders);
        _folders = folders;
        _spokenFolders = spokenFolders ?? [];
    }

    public IReadOnlyList<string> Folders => _folders;

    /// <summary>The file a name resolves to, or null when no folder has it.</summary>
    public string? Locate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _folders.Select(f => Path.Combine(f, name + ".wav")).FirstOrDefault(File.Exists)
            ?? _spoken.GetValueOrDefault(name);
    }

    /// <summary>The prompt; throws <see cref="AudioFormatException"/> naming the prompt or file when it cannot be had.</summary>
    public AudioClip Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _cache.GetOrAdd(name, static (n, self) =>
        {
            var file = self.Locate(n) ?? throw new AudioFormatException(
                $"prompt '{n}' not found: looked for {n}.wav in {string.Join(", ", self._folders.Concat(self._spokenFolders))}");
            return WavReader.Read(file, n);
        }, this);
    }

    public IReadOnlyList<AudioClip> Get(IEnumerable<string> names) => names.Select(Get).ToList();

    /// <summary>Whether every one of the prompts can be played (loading them now, so a later Get does not fail).</summary>
    public bool TryGet(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        try
        {
            _ = Get(names);
            return true;
        }
        catch (AudioFormatException)
        {
            return false;
        }
    }

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
    /// Makes sure a prompt with known text can be played: a recording of that name in a recording
    /// folder wins (a name may have a folder part, "policy/goddag"); else
    /// speech of exactly this text from a spoken folder; else it is synthesised now with espeak-ng
    /// into the last spoken folder. Kept speech that cannot be read (a file cut short when the disk
    /// filled) is spoken anew rather than played as silence. Throws
    /// <see cref="AudioFormatException"/> when none can be had.
    /// </summary>
    public async Task EnsureAsync(string name, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        if (_folders.Select(f => Path.Combine(f, name + ".wav")).Any(File.Exists))
        {
            return;
        }

        // Speech is kept flat by the last part of the name ("policy/goddag" → goddag.wav).
        var spokenName = Path.GetFileName(name);
        var saying = _spokenFolders.Select(f => Path.Combine(f, spokenName + ".wav")).Where(f => Says(f, text)).ToList();
        if (_spoken.TryGetValue(name, out var known) && saying.Contains(known))
        {
            return;
        }

        var file = saying.FirstOrDefault(f => IsReadable(f, name));

        if (file is null)
        {
            if (_spokenFolders.Count == 0)
            {
                throw new AudioFormatException($"prompt '{name}' has no recording in {string.Join(", ", _folders)} and no folder is given for speech of \"{text}\"");
            }

            if (!EspeakSynthesizer.IsAvailable())
            {
                throw new AudioFormatException($"prompt '{name}' has no recording and espeak-ng/sox are not installed to speak \"{text}\"");
            }

            file = await SpeakAsync(spokenName, text, _spokenFolders[^1], cancellationToken);
        }

        _spoken[name] = file;
        _cache.TryRemove(name, out _);
        _ = Get(name); // loaded now: speech that came out unreadable is an error here, naming the file, not silence in a call
    }

    /// <summary>Speaks <paramref name="text"/> into <c>&lt;name&gt;.wav</c> with its text beside it in <c>&lt;name&gt;.txt</c>.</summary>
    public static async Task<string> SpeakAsync(string name, string text, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".wav");

        // Made beside and moved in, so that a call never reads a half-written file.
        var fresh = Path.Combine(folder, name + ".new.wav");
        await EspeakSynthesizer.SynthesizeAsync(text, fresh, cancellationToken);
        Omstilling.Runtime.AtomicFile.Commit(fresh, file, overwrite: true);
        await Omstilling.Runtime.AtomicFile.WriteAllTextAsync(Path.ChangeExtension(file, ".txt"), text + "\n", cancellationToken);
        return file;
    }

    private static bool IsReadable(string file, string name)
    {
        try
        {
            _ = WavReader.Read(file, name);
            return true;
        }
        catch (AudioFormatException)
        {
            return false;
        }
    }

    /// <summary>True when the speech file exists and its text file holds exactly <paramref name="text"/>.</summary>
    private static bool Says(string wav, string text)
    {
        var txt = Path.ChangeExtension(wav, ".txt");
        return File.Exists(wav) && File.Exists(txt) && File.ReadAllText(txt).TrimEnd('\n', '\r') == text;
    }
}
