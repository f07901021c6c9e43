namespace Omstilling.Host.Cli.Settings;

/// <summary>Where a setting's value came from, in rising precedence: a later source wins.</summary>
internal enum SettingSource
{
    Default,
    File,
    Environment,
    CommandLine,
}
