namespace Omstilling.Host.Cli.Settings;

/// <summary>
/// One setting of <c>omstilling run</c>, declared once: its command-line option, its configuration
/// key (a file's <c>Section:Key</c>, the environment's <c>OMSTILLING__SECTION__KEY</c>), its help
/// and what it does to <see cref="RunOptions"/>. The option, the help, <c>config show</c> and the
/// README's table are all made from (or checked against) this. Immutable.
/// </summary>
/// <param name="Option">The command-line option (<c>--sip-port</c>); null for a setting only the environment may give (a password).</param>
/// <param name="Key">The configuration key, sections separated by ':' (<c>Sip:Port</c>).</param>
/// <param name="ValueName">How the value is shown in help (<c>&lt;port&gt;</c> without the brackets); null for an on/off flag.</param>
/// <param name="Description">What it does, for the help.</param>
/// <param name="DefaultText">The default in words, as the help and the README show it.</param>
/// <param name="Apply">Sets the value on the options; throws <see cref="SettingException"/> with what is wrong and what is expected.</param>
internal sealed record RunSetting(string? Option, string Key, string? ValueName, string Description, string DefaultText, Func<RunOptions, string, RunOptions> Apply)
{
    /// <summary>An on/off flag: <c>--demo</c> on the command line, <c>true</c>/<c>false</c> in a file or the environment.</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>The option may be given several times (<c>--bind</c>); a file may give a list, the environment a comma-separated one.</summary>
    public bool Repeatable { get; init; }

    /// <summary>A password: shown as <c>****</c>, and refused from the configuration file.</summary>
    public bool Secret { get; init; }

    /// <summary>The environment variable that gives this setting (<c>OMSTILLING__SIP__PORT</c>).</summary>
    public string EnvironmentName => RunConfiguration.EnvironmentPrefix + Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The option as the help and the README show it: <c>--sip-port &lt;port&gt;</c>.</summary>
    public string Usage => IsFlag ? Option ?? Key : $"{Option} <{ValueName}>";
}
