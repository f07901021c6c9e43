using System.Globalization;
using System.Text;

namespace Omstilling.Runtime;

/// <summary>
/// Writing a file whole or not at all: the content goes to a temporary file beside it (same
/// folder, so the rename stays on one file system), is flushed to the disk, and is renamed over the
/// name. A rename within a file system is atomic (POSIX <c>rename(2)</c>): a reader, and a process
/// started after a <c>kill -9</c> at any instant, sees the old file or the new one, never part of
/// one. A process killed before the rename leaves a temporary file ending in
/// <see cref="TemporarySuffix"/>, which is never read as the file itself. Every file the platform
/// writes goes through here (docs/robustness.md, "What survives kill -9"). Thread-safe: it keeps
/// no state, and each write has its own temporary file.
/// </summary>
public static class AtomicFile
{
    /// <summary>How a temporary file's name ends (a voicemail recording's while it is recorded, too).</summary>
    public const string TemporarySuffix = ".part";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A temporary name beside <paramref name="path"/> that no other write uses.</summary>
    public static string TemporaryFor(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return string.Create(CultureInfo.InvariantCulture, $"{path}.{Guid.NewGuid():N}{TemporarySuffix}");
    }

    /// <summary>Writes <paramref name="content"/> as the file at <paramref name="path"/>, replacing it whole.</summary>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temporary = TemporaryFor(path);
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) as the file at <paramref name="path"/>, replacing it whole.</summary>
    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteAllBytesAsync(path, Utf8.GetBytes(text), cancellationToken);
    }

    /// <summary>As <see cref="WriteAllTextAsync"/>, for callers that cannot await (a file lock held by this thread).</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var temporary = TemporaryFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Makes a temporary file written and closed elsewhere (a recording streamed while a call went
    /// on, a synthesised prompt) the file at <paramref name="path"/>: flushed to the disk, then
    /// renamed. Without <paramref name="overwrite"/> an existing file at <paramref name="path"/> is
    /// an <see cref="IOException"/>.
    /// </summary>
    public static void Commit(string temporary, string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(temporary);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.Read))
        {
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite);
    }

    /// <summary>Whether <paramref name="path"/> names a temporary file (left by a write a stop or a crash cut off).</summary>
    public static bool IsTemporary(string path) => path is not null && path.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // The write already failed; that failure is the one the caller hears of.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
