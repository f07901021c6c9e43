using Microsoft.Extensions.Configuration;

namespace Omstilling.Host.Cli.Settings;

/// <summary>One source of settings: its configuration provider and how to say where a key's value came from. Immutable after loading.</summary>
/// <param name="Where">The value's place: file:line:column, the environment variable or the option.</param>
internal sealed record ConfigurationLayer(SettingSource Source, IConfigurationProvider Provider, Func<RunSetting, string> Where)
{
    /// <summary>The setting's text in this layer: its value, or a list's items joined by commas; null when the layer does not give it.</summary>
    public string? Find(RunSetting setting)
    {
        if (Provider.TryGet(setting.Key, out var value) && value is not null)
        {
            return value;
        }

        var items = Provider.GetChildKeys([], setting.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return items.Count == 0 ? null
            : string.Join(',', items.Select(item => Provider.TryGet($"{setting.Key}:{item}", out var v) ? v : null).Where(v => v is not null));
    }
}
