using System.Globalization;
using Omstilling.Calls.Control;
using Omstilling.Runtime;

namespace Omstilling.Calls.Voicemail;

/// <summary>
/// Where voicemail lives on disk: one folder per box under the data directory's <c>voicemail</c>
/// folder, a message as <c>&lt;id&gt;.wav</c> and a recorded greeting as <c>hilsen-&lt;id&gt;.wav</c>.
/// A recording is written to <c>&lt;id&gt;.wav.part</c> and renamed into place only when whole
/// (<see cref="AtomicFile.Commit"/>), so a crash leaves a <c>.part</c> file, never half a message.
/// Immutable and thread-safe.
/// </summary>
public sealed class VoicemailFolders(string root)
{
    public string Root { get; } = root ?? throw new ArgumentNullException(nameof(root));

    /// <summary>The box's folder: its name kept to ASCII letters, digits, '-' and '_', so no box names a path outside the root.</summary>
    public string BoxFolder(string box) => Path.Combine(Root, SafeName(box));

    /// <summary>A file of the box's by its stored name (a name with a path in it is refused).</summary>
    public string PathOf(string box, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (fileName.Length == 0 || Path.GetFileName(fileName) != fileName || fileName is "." or "..")
        {
            throw new ArgumentException($"'{fileName}' is not a file name", nameof(fileName));
        }

        return Path.Combine(BoxFolder(box), fileName);
    }

    /// <summary>A new recording for the box, written to a temporary file in its folder (which is made).</summary>
    public VoicemailRecording Start(string box, RecordingPurpose purpose, string caller, Guid callId, DateTimeOffset now)
    {
        var folder = BoxFolder(box);
        System.IO.Directory.CreateDirectory(folder);
        var id = Guid.CreateVersion7(now);
        return new VoicemailRecording(id, box, purpose, caller, callId, now, Path.Combine(folder, FinalName(id, purpose) + AtomicFile.TemporarySuffix));
    }

    /// <summary>The name a recording is kept under once whole.</summary>
    public static string FinalName(Guid id, RecordingPurpose purpose) => purpose switch
    {
        RecordingPurpose.Message => string.Create(CultureInfo.InvariantCulture, $"{id:N}.wav"),
        RecordingPurpose.Greeting => string.Create(CultureInfo.InvariantCulture, $"hilsen-{id:N}.wav"),
        _ => throw new System.Diagnostics.UnreachableException($"RecordingPurpose {purpose}"),
    };

    /// <summary>Renames a whole recording into place and returns its kept name.</summary>
    public string Promote(VoicemailRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var name = FinalName(recording.Id, recording.Purpose);
        AtomicFile.Commit(recording.TemporaryFile, PathOf(recording.Box, name), overwrite: false);
        return name;
    }

    /// <summary>Writes a file of the box's whole or not at all (an uploaded greeting), returning its path.</summary>
    public async Task<string> WriteAsync(string box, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(box, fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteAllBytesAsync(path, content, cancellationToken);
        return path;
    }

    /// <summary>Deletes a file of the box's, if it is there.</summary>
    public void Delete(string box, string fileName) => File.Delete(PathOf(box, fileName));

    /// <summary>Recordings cut off by a stop or a crash (<c>.part</c> files), to be cleared at start.</summary>
    public IEnumerable<string> Unfinished() => System.IO.Directory.Exists(Root)
        ? System.IO.Directory.EnumerateFiles(Root, "*" + AtomicFile.TemporarySuffix, SearchOption.AllDirectories)
        : [];

    /// <summary>
    /// Every whole recording in the boxes' folders (<c>*.wav</c>), to be held against what the
    /// database keeps at start (<see cref="Unfinished"/> are the cut-off ones).
    /// </summary>
    public IEnumerable<string> Whole() => System.IO.Directory.Exists(Root)
        ? System.IO.Directory.EnumerateFiles(Root, "*.wav", SearchOption.AllDirectories)
        : [];

    private static string SafeName(string box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var safe = string.Concat(box.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        return safe.Length == 0 ? "_" : safe;
    }
}
