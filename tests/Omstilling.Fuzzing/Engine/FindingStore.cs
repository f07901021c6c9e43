using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Omstilling.Fuzzing.Engine;

/// <summary>Writes each finding's input (as is, <c>.bin</c>) and its description (<c>.txt</c>) under a folder per target.</summary>
internal static class FindingStore
{
    /// <summary>The path of the saved input, or null when there is no folder to save to.</summary>
    public static string? Save(string? directory, string target, FindingKind kind, string signature, byte[] input, string description)
    {
        if (directory is null)
        {
            return null;
        }

        var folder = Path.Combine(directory, target);
        System.IO.Directory.CreateDirectory(folder);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)))[..12];
        var name = $"{kind.ToString().ToLowerInvariant()}-{id}";
        var binary = Path.Combine(folder, name + ".bin");
        File.WriteAllBytes(binary, input);
        File.WriteAllText(
            Path.Combine(folder, name + ".txt"),
            string.Create(CultureInfo.InvariantCulture, $"target: {target}\nkind: {kind}\nsignature: {signature}\n\n{description}\n\n{Hex.Dump(input)}\n"));
        return binary;
    }
}
