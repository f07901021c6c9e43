using Microsoft.Extensions.Configuration;

namespace Omstilling.Host.Cli.Settings;

/// <summary>A YAML configuration file (<c>omstilling.yaml</c>) as a Microsoft.Extensions.Configuration source.</summary>
internal sealed class YamlConfigurationSource(string path) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(Path);
}
