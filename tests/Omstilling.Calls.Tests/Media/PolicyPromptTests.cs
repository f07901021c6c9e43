using Omstilling.Calls.Media;
using Omstilling.Calls.Tests.Support;
using Omstilling.Media.Prompts;
using Omstilling.Policy.Loading;

namespace Omstilling.Calls.Tests.Media;

public sealed class PolicyPromptTests
{
    private static readonly string Root = B2buaFixture.RepositoryRoot();

    [Fact]
    public void The_bundled_speech_says_exactly_what_the_bundled_policy_says()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Root, "config", "guldborgsund.yaml")).Policy!;
        var spoken = Path.Combine(Root, "prompts", "da", "spoken");

        var stale = PolicyPrompts.Required(policy)
            .Where(p => !File.Exists(Path.Combine(spoken, p.Name + ".wav"))
                || File.ReadAllText(Path.Combine(spoken, p.Name + ".txt")).TrimEnd('\n') != p.Text)
            .Select(p => p.Name)
            .ToList();

        // Regenerate with: omstilling prompts generate --policy config/guldborgsund.yaml
        Assert.Empty(stale);
    }

    [Fact]
    public void Every_menu_option_is_read_with_its_key_and_label()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Root, "config", "guldborgsund.yaml")).Policy!;

        var prompts = PolicyPrompts.Required(policy).ToDictionary(p => p.Name, p => p.Text);

        Assert.Equal("Tast 5 for Snevagten.", prompts["menu-teknik-og-miljoe-5"]);
        Assert.Equal("Tast 9 for at gå tilbage.", prompts["tilbage"]);
        Assert.Equal("Guldborgsund Kommune - Goddag.", prompts["goddag"]);
        Assert.Equal("policy/goddag", PolicyPrompts.Key("goddag"));
    }

    [Fact]
    public async Task The_bundled_speech_is_found_for_every_prompt_of_the_bundled_policy_without_speaking_anything()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Root, "config", "guldborgsund.yaml")).Policy!;
        var own = Directory.CreateTempSubdirectory("omstilling-own-").FullName;
        var fresh = Directory.CreateTempSubdirectory("omstilling-fresh-").FullName;
        var library = new PromptLibrary([own, Path.Combine(Root, "prompts", "da")], [Path.Combine(Root, "prompts", "da", "spoken"), fresh]);

        foreach (var (name, text) in PolicyPrompts.Required(policy))
        {
            await library.EnsureAsync(PolicyPrompts.Key(name), text, CancellationToken.None);
            Assert.InRange(library.Get(PolicyPrompts.Key(name)).Duration.TotalSeconds, 0.5, 15);
        }

        Assert.Empty(Directory.GetFiles(fresh));
        Directory.Delete(own);
        Directory.Delete(fresh);
    }
}
