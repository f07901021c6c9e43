using System.Collections.Immutable;
using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>
/// A voice menu: an intro prompt, then the options offered at that moment read out in digit
/// order. Immutable and thread-safe.
/// </summary>
public sealed class Menu
{
    /// <summary>Keys a caller can press: 0-9, * and #.</summary>
    public const string Digits = "0123456789*#";

    /// <summary>A menu has at most one option per key.</summary>
    public const int MaxOptions = 12;

    private readonly MenuOption?[] _byKey = new MenuOption?[MaxOptions];

    public Menu(string id, string name, Prompt intro, ImmutableArray<MenuOption> options, SourceLocation source)
    {
        ArgumentNullException.ThrowIfNull(intro);
        Id = id;
        Name = name;
        Intro = intro;
        Options = options;
        Source = source;
        foreach (var option in options)
        {
            _byKey[Digits.IndexOf(option.Digit, StringComparison.Ordinal)] = option;
        }
    }

    public string Id { get; }

    public string Name { get; }

    public Prompt Intro { get; }

    /// <summary>In digit order.</summary>
    public ImmutableArray<MenuOption> Options { get; }

    public SourceLocation Source { get; }

    /// <summary>Said when a key leads nowhere now; the standard "ugyldigt valg" when null.</summary>
    public Prompt? InvalidPrompt { get; init; }

    /// <summary>How long to wait for a key after the menu has been read.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times the menu is read again after no or invalid input.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>What happens when the retries are used up; hang up when null.</summary>
    public PolicyAction? OnNoInput { get; init; }

    /// <summary>The option on a key, whether or not it is offered now.</summary>
    public MenuOption? OptionFor(char key)
    {
        var index = key switch
        {
            >= '0' and <= '9' => key - '0',
            '*' => 10,
            '#' => 11,
            _ => -1,
        };
        return index < 0 ? null : _byKey[index];
    }
}
