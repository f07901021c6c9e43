using Omstilling.Policy;
using Omstilling.Policy.Model;

namespace Omstilling.Calls.Media;

/// <summary>
/// The prompts a telephone policy makes callers hear: its named prompts (greeting, menu intros,
/// messages) and one per menu option ("Tast 5 for Snevagten."), with their Danish text for
/// synthesis when no recording exists.
/// </summary>
public static class PolicyPrompts
{
    /// <summary>
    /// The library name of a policy prompt: its own namespace, so that the policy's "lukket" is never
    /// the platform's "lukket" (a recording for it goes in the data directory's prompts/policy).
    /// </summary>
    public static string Key(string name) => "policy/" + name;

    /// <summary>The prompt name a menu option is read with: its own, or one made from the menu and key.</summary>
    public static string OptionPrompt(Menu menu, MenuOption option)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(option);
        return option.PromptName ?? $"menu-{menu.Id}-{option.Digit switch { '*' => "stjerne", '#' => "firkant", _ => option.Digit.ToString() }}";
    }

    public static IReadOnlyList<(string Name, string Text)> Required(TelephonePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        // Queue music is music: the platform's, or a recording in the data directory, never speech of its description.
        var music = policy.Queues.Values.Select(q => q.MusicPrompt).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prompt in policy.Prompts.Values.Where(p => !music.Contains(p.Name)))
        {
            prompts[prompt.Name] = prompt.Text;
        }

        foreach (var menu in policy.Menus.Values)
        {
            prompts.TryAdd(menu.Intro.Name, menu.Intro.Text);
            foreach (var option in menu.Options)
            {
                prompts.TryAdd(OptionPrompt(menu, option), option.SpokenText);
            }
        }

        return [.. prompts.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal)];
    }
}
