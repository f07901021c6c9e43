namespace Omstilling.Host.Cli;

/// <summary>Where the bundled policy is: config/guldborgsund.yaml in the working directory, else beside the program.</summary>
internal static class PolicyFiles
{
    public const string Bundled = "config/guldborgsund.yaml";

    public const string BundledDirectory = "config/guldborgsund-directory.yaml";

    public static string Default() => Find(Bundled);

    /// <summary>The bundled staff directory that goes with the bundled policy.</summary>
    public static string DefaultDirectory() => Find(BundledDirectory);

    private static string Find(string relative)
    {
        var local = Path.GetFullPath(relative);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, relative);
    }
}
