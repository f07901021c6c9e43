namespace Omstilling.Host.Tests.Support;

/// <summary>
/// The bundled policy as the test servers run it: the same file, but its post-call survey invites
/// a fixed share of the switchboard's callers instead of a random fifth, so a test hears the same
/// prompts every time (0 unless a test asks for the survey).
/// </summary>
internal static class TestPolicy
{
    private const string BundledShare = "share-percent: 20 ";

    /// <summary>Writes the policy into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, int surveyPercent = 0)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"));
        if (!text.Contains(BundledShare, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The bundled policy no longer says '{BundledShare}'; update TestPolicy.");
        }

        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "guldborgsund.yaml");
        File.WriteAllText(file, text.Replace(BundledShare, $"share-percent: {surveyPercent} ", StringComparison.Ordinal));
        return file;
    }

    /// <summary>The bundled staff directory, which the server takes only with the bundled policy unless told.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund-directory.yaml");

    /// <summary>
    /// The arguments with <c>--policy</c> (the policy written into <paramref name="folder"/>) added
    /// unless they name a policy, and <c>--directory</c> (the bundled one) with it unless they name a directory.
    /// </summary>
    public static string[] AddTo(string[] arguments, string folder) =>
        arguments.Contains("--policy") ? arguments
        : arguments.Contains("--directory") ? [.. arguments, "--policy", Write(folder)]
        : [.. arguments, "--policy", Write(folder), "--directory", Directory];
}
