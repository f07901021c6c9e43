using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Omstilling.Host.Cli.Settings;

/// <summary>
/// The settings of <c>omstilling run</c> from three sources, a later one winning: a file
/// (<c>--config FILE</c>, else <c>omstilling.yaml</c> or <c>appsettings.json</c> in the data
/// directory), the environment (<c>OMSTILLING__SIP__PORT</c>; and OMSTILLING_TRUNK_PASSWORD,
/// OMSTILLING_SMTP_PASSWORD) and the command line. Passwords come only from the environment or
/// from files of their own. Immutable once loaded.
/// </summary>
internal sealed class RunConfiguration
{
    public const string EnvironmentPrefix = "OMSTILLING__";

    public const string YamlFileName = "omstilling.yaml";

    public const string JsonFileName = "appsettings.json";

    private readonly IReadOnlyList<ConfigurationLayer> _layers;

    private RunConfiguration(IReadOnlyList<ConfigurationLayer> layers, string? file)
    {
        _layers = layers;
        File = file;
    }

    /// <summary>The configuration file read, or null when there is none.</summary>
    public string? File { get; }

    /// <summary>
    /// Reads the sources. <paramref name="commandLine"/> holds the options given, by configuration
    /// key; <paramref name="environment"/> the process's environment variables. Throws
    /// <see cref="UsageException"/> for an unreadable file, an unknown key or a password in the file.
    /// </summary>
    public static RunConfiguration Load(IReadOnlyDictionary<string, string> commandLine, string? configFile, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(environment);
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in RunSettings.LegacyEnvironment)
        {
            if (environment.TryGetValue(variable, out var value))
            {
                (values[key], variables[key]) = (value, variable);
            }
        }

        foreach (var (variable, value) in environment.Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            var key = variable[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            (values[key], variables[key]) = (value, variable);
        }

        var environmentLayer = new ConfigurationLayer(SettingSource.Environment, Memory(values), s => variables.GetValueOrDefault(s.Key, s.EnvironmentName));
        Unknown(environmentLayer, key => $"the environment variable {variables[key]}");
        var commandLineLayer = new ConfigurationLayer(SettingSource.CommandLine, Memory(commandLine.ToDictionary(e => e.Key, e => (string?)e.Value)), s => s.Option ?? s.Key);
        var dataSetting = RunSettings.All.Single(s => s.Key == "Storage:DataDirectory");
        var dataDirectory = commandLineLayer.Find(dataSetting) ?? environmentLayer.Find(dataSetting) ?? "data";
        var file = configFile ?? DefaultFile(dataDirectory);
        if (file is null)
        {
            return new RunConfiguration([environmentLayer, commandLineLayer], null);
        }

        var fileLayer = FileLayer(file, mustExist: configFile is not null);
        foreach (var secret in RunSettings.All.Where(s => s.Secret && fileLayer.Find(s) is not null))
        {
            var instead = secret.Key.Replace("Password", "PasswordFile", StringComparison.Ordinal);
            throw new UsageException($"{fileLayer.Where(secret)}: {secret.Key}: a password is not kept in the configuration file; give {instead} (a file of its own) or the environment variable {RunSettings.LegacyEnvironment.Single(l => l.Key == secret.Key).Variable}");
        }

        Unknown(fileLayer, key => $"{file}: {key}");
        return new RunConfiguration([fileLayer, environmentLayer, commandLineLayer], file);
    }

    /// <summary>Every setting's effective value and its source, in declaration order.</summary>
    public IReadOnlyList<EffectiveSetting> Effective() =>
        RunSettings.All.Select(setting =>
            _layers.Reverse().Select(layer => (Layer: layer, Value: layer.Find(setting))).FirstOrDefault(found => found.Value is not null) is { Layer: { } layer, Value: { } value }
                ? new EffectiveSetting(setting, value, layer.Source, layer.Where(setting))
                : new EffectiveSetting(setting, null, SettingSource.Default, "")).ToList();

    /// <summary>The options of <c>run</c>; throws <see cref="UsageException"/> naming the source of a bad value.</summary>
    public RunOptions Build()
    {
        var options = new RunOptions();
        foreach (var given in Effective().Where(e => e.Value is not null).OrderBy(e => e.Source))
        {
            try
            {
                options = given.Setting.Apply(options, given.Value!);
            }
            catch (SettingException e)
            {
                throw new UsageException(given.Problem(e.Message));
            }
        }

        return RunOptionRules.Checked(options);
    }

    private static string? DefaultFile(string dataDirectory)
    {
        var found = new[] { YamlFileName, JsonFileName }.Select(name => Path.Combine(dataDirectory, name)).Where(System.IO.File.Exists).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new UsageException($"both {found[0]} and {found[1]} are in the data directory; keep one"),
        };
    }

    private static ConfigurationLayer FileLayer(string file, bool mustExist)
    {
        if (mustExist && !System.IO.File.Exists(file))
        {
            throw new UsageException($"--config: there is no file {file}");
        }

        var extension = Path.GetExtension(file).ToUpperInvariant();
        if (extension is ".YAML" or ".YML")
        {
            var yaml = new YamlConfigurationProvider(file);
            yaml.Load();
            return new ConfigurationLayer(SettingSource.File, yaml, s => yaml.Where(s.Key));
        }

        if (extension != ".JSON")
        {
            throw new UsageException($"--config: {file} is neither YAML (.yaml, .yml) nor JSON (.json)");
        }

        var json = new JsonConfigurationProvider(new JsonConfigurationSource { Path = Path.GetFullPath(file), Optional = false });
        json.Source.ResolveFileProvider();
        try
        {
            json.Load();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            throw new UsageException($"{file}: {e.Message}{(e.InnerException is { } inner ? " " + inner.Message : "")}");
        }

        return new ConfigurationLayer(SettingSource.File, json, _ => file);
    }

    /// <summary>A key no setting has is refused: a misspelt one would otherwise be ignored without a word.</summary>
    private static void Unknown(ConfigurationLayer layer, Func<string, string> where)
    {
        var keys = layer.Provider.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(section => Leaves(layer.Provider, section)).ToList();
        foreach (var key in keys.Where(key => !RunSettings.All.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase) || s.Repeatable && key.StartsWith(s.Key + ":", StringComparison.OrdinalIgnoreCase))))
        {
            var known = string.Join(", ", RunSettings.All.Select(s => s.Key));
            throw new UsageException($"{where(key)}: unknown setting '{key}'; expected one of: {known}");
        }
    }

    private static IEnumerable<string> Leaves(IConfigurationProvider provider, string key)
    {
        var children = provider.GetChildKeys([], key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return children.Count == 0 ? [key] : children.SelectMany(child => Leaves(provider, $"{key}:{child}"));
    }

    private static MemoryConfigurationProvider Memory(IEnumerable<KeyValuePair<string, string?>> values)
    {
        var provider = new MemoryConfigurationProvider(new MemoryConfigurationSource { InitialData = values });
        provider.Load();
        return provider;
    }
}
