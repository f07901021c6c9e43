using System.CommandLine;
using System.Text;
using Omstilling.Host.Cli.Settings;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling config show [--config FILE] [--data-dir DIR] [run options...]</c>: every setting of
/// <c>run</c> as it would take effect with these options, this environment and the configuration
/// file, a password as <c>****</c>, and where each came from (default, the file, the environment
/// variable, the command line). Exit 0, or 2 when a setting is wrong (as <c>run</c> would refuse it).
/// </summary>
internal sealed class ConfigCommand
{
    private readonly Command _show;
    private readonly RunCommandLine _options;
    private readonly IReadOnlyDictionary<string, string> _environment;

    public ConfigCommand(IReadOnlyDictionary<string, string> environment)
    {
        _environment = environment;
        _show = new Command("show", "Every setting of run as it takes effect (passwords masked), and where it came from");
        _options = new RunCommandLine(_show);
        Command = new Command("config", "The configuration of run: a file, the environment (OMSTILLING__SIP__PORT) and the command line") { _show };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.CommandResult.Command != _show)
        {
            return await CliInvocation.UsageErrorAsync(parsed, "show?", error);
        }

        RunConfiguration configuration;
        try
        {
            configuration = _options.Configuration(parsed, _environment);
            configuration.Build();
        }
        catch (UsageException e)
        {
            return await CliInvocation.UsageErrorAsync(parsed, e.Message, error);
        }

        await output.WriteAsync(Table(configuration));
        return CliInvocation.Ok;
    }

    /// <summary>The settings, tab-separated, after a header row.</summary>
    public static string Table(RunConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = new StringBuilder("SETTING\tOPTION\tVALUE\tSOURCE\n");
        foreach (var setting in configuration.Effective())
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{setting.Setting.Key}\t{setting.Setting.Option ?? setting.Setting.EnvironmentName}\t{setting.Shown}\t{setting.SourceText}\n");
        }

        return text.ToString();
    }
}
