namespace Omstilling.Host.Cli;

/// <summary>Where the bundled policy is: config/guldborgsund.yaml in the working directory, else beside the program.</summary>
internal static class PolicyFiles
{
    public const string Bundled = "config/guldborgsund.yaml";

    public static string Default()
    {
        var local = Path.GetFullPath(Bundled);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml");
    }
}
