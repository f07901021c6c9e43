using System.Collections;
using System.CommandLine;

namespace Omstilling.Host.Cli.Settings;

/// <summary>
/// <c>run</c>'s options on a command (<c>run</c> itself, <c>config show</c>), made from
/// <see cref="RunSettings"/>: one option per setting, <c>--config FILE</c>, and the password
/// options that are refused with the way to give the password instead.
/// </summary>
internal sealed class RunCommandLine
{
    /// <summary>Where the configuration file is looked for without <c>--config</c>, as the help and the README say it.</summary>
    public const string ConfigDefault = "omstilling.yaml or appsettings.json in the data directory";

    private readonly List<(RunSetting Setting, Option Option)> _options = [];
    private readonly Option<string?> _config = new("--config") { Description = $"The configuration file (YAML or JSON) [default: {ConfigDefault}]", HelpName = "file" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public RunCommandLine(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_config);
        foreach (var setting in RunSettings.All.Where(s => s.Option is not null))
        {
            var description = setting.DefaultText is "none" or "off" ? setting.Description : $"{setting.Description} [default: {setting.DefaultText}]";
            Option option = setting.IsFlag ? new Option<bool>(setting.Option!) { Description = description }
                : setting.Repeatable ? new Option<string[]>(setting.Option!) { Description = description, HelpName = setting.ValueName, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false }
                : new Option<string>(setting.Option!) { Description = description, HelpName = setting.ValueName };
            command.Options.Add(option);
            _options.Add((setting, option));
        }

        foreach (var (name, instead) in RunSettings.RefusedOptions)
        {
            var refused = new Option<string>(name) { Hidden = true, Arity = ArgumentArity.ZeroOrOne };
            refused.Validators.Add(result => result.AddError($"{name} is refused: a password on the command line shows in ps and in the shell's history; give {instead}"));
            command.Options.Add(refused);
        }
    }

    /// <summary>This process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);

    /// <summary>
    /// The options of <c>run</c> from <paramref name="args"/> (its arguments), the environment and
    /// the configuration file; <see cref="UsageException"/> when any of them is wrong.
    /// </summary>
    public static RunOptions Options(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var command = new RootCommand();
        var run = new RunCommandLine(command);
        var parsed = command.Parse(args);
        return parsed.Errors.Count > 0
            ? throw new UsageException(string.Join("; ", parsed.Errors.Select(e => e.Message)))
            : run.Configuration(parsed, environment).Build();
    }

    /// <summary>The sources of the settings: the file, <paramref name="environment"/>, and the options in <paramref name="parsed"/>.</summary>
    public RunConfiguration Configuration(ParseResult parsed, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (setting, option) in _options)
        {
            if (parsed.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            given[setting.Key] = option switch
            {
                Option<bool> flag => parsed.GetValue(flag) ? "true" : "false",
                Option<string[]> list => string.Join(',', parsed.GetValue(list) ?? []),
                Option<string> value => parsed.GetValue(value) ?? "",
                _ => throw new System.Diagnostics.UnreachableException($"{option.Name} is of a kind RunCommandLine does not make"),
            };
        }

        return RunConfiguration.Load(given, parsed.GetValue(_config), environment);
    }
}
