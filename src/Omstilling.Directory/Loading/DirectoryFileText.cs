using System.Text;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading;

/// <summary>Reads a directory file to import (CSV or YAML) as UTF-8 text, or says why it cannot. Pure and thread-safe.</summary>
public static class DirectoryFileText
{
    /// <summary>The text, or null with <paramref name="failed"/> saying why (at line 1, column 1 of the file).</summary>
    public static string? TryRead(string path, out DirectoryLoadResult failed)
    {
        ArgumentNullException.ThrowIfNull(path);
        failed = new DirectoryLoadResult(null, []);
        try
        {
            return File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            failed = Failed(path, "the file is not UTF-8 text; expected a CSV file saved as UTF-8 (in a spreadsheet: \"CSV UTF-8\")");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failed = Failed(path, $"cannot read the file: {e.Message}");
        }

        return null;
    }

    private static DirectoryLoadResult Failed(string path, string message) =>
        new(null, [new YamlDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), message)]);
}
