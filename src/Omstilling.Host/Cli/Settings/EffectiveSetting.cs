namespace Omstilling.Host.Cli.Settings;

/// <summary>A setting's value as it takes effect and where it came from. Immutable.</summary>
/// <param name="Value">The text given; null when the default applies.</param>
/// <param name="Where">The file (file:line:column), the environment variable or the command-line option; empty for the default.</param>
internal sealed record EffectiveSetting(RunSetting Setting, string? Value, SettingSource Source, string Where)
{
    /// <summary>Where the value came from, in words: "default", the file, "environment X", "command line --x".</summary>
    public string SourceText => Source switch
    {
        SettingSource.Default => "default",
        SettingSource.File => Where,
        SettingSource.Environment => $"environment {Where}",
        SettingSource.CommandLine => $"command line {Where}",
        _ => throw new System.Diagnostics.UnreachableException($"SettingSource {Source}"),
    };

    /// <summary>What is wrong with the value and where it came from: "--sip-port: ...", "file:3:9: Sip:Port: ...".</summary>
    public string Problem(string message) => Source == SettingSource.File ? $"{Where}: {Setting.Key}: {message}" : $"{Where}: {message}";

    /// <summary>The value as <c>config show</c> prints it: the default in words, a password as <c>****</c>, a database without its password.</summary>
    public string Shown => Value is null ? Setting.DefaultText
        : Setting.Secret ? "****"
        : Setting.Key == "Storage:Database" ? Redacted(Value)
        : Value;

    private static string Redacted(string database)
    {
        try
        {
            return Omstilling.Storage.DatabaseOptions.Parse(database).Redacted;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return "(not a database: see the error when it is used)";
        }
    }
}
