using System.Text;
using Omstilling.Directory;
using Omstilling.Directory.Loading;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Mutation;
using Omstilling.Fuzzing.Seeds;

namespace Omstilling.Fuzzing.Targets.Config;

/// <summary>
/// The staff directory loader on edited directory files, checked against the bundled policy and on
/// their own; a directory that loads is merged and searched as the console does.
/// </summary>
internal sealed class DirectoryYamlTarget : IFuzzTarget
{
    private readonly Mutator _mutator = new(256 * 1024, YamlMutations.All, LineMutations.All, ByteMutations.All);

    public string Name => "directory-yaml";

    public string Oracle =>
        "DirectoryLoader.Load (with and without the bundled policy) never throws; a file that does not load has errors, every " +
        "diagnostic names the file, a line inside it and a column; a directory that loads merges with the policy and can be searched";

    public IReadOnlyList<byte[]> Seeds => ConfigSeeds.Directories;

    public byte[] Mutate(byte[] parent, MutationContext context) => _mutator.Mutate(parent, context);

    public IEnumerable<byte[]> Systematic()
    {
        var small = Seeds[1];
        var lines = TextLines.Of(small);
        return Mutation.Systematic.EveryByteAt(small, lines.SelectMany(l => new[] { l.Start, l.Start + (l.Length / 2) }))
            .Concat(Mutation.Systematic.EveryTruncation(small))
            .Concat(TextLines.Of(Seeds[0]).Select(l => Seeds[0][..l.Start]));
    }

    public string Execute(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var policy = ConfigSeeds.BundledPolicy;
        var alone = DirectoryLoader.Load(text, Diagnostics.FileName);
        var outcome = Diagnostics.Check(alone.Succeeded, alone.Diagnostics, text);
        if (alone.File is { } file)
        {
            _ = StaffDirectory.FromFile(file).Search("anne pas", 5);
        }

        var checkedAgainstPolicy = DirectoryLoader.Load(text, Diagnostics.FileName, policy);
        var outcomeWithPolicy = Diagnostics.Check(checkedAgainstPolicy.Succeeded, checkedAgainstPolicy.Diagnostics, text);
        if (checkedAgainstPolicy.File is { } merged)
        {
            var directory = StaffDirectory.FromPolicy(policy, merged);
            _ = directory.Search("soeren borgerservice", 10);
            _ = directory.Search("54 73", 10);
        }

        return $"{outcome}|{outcomeWithPolicy}";
    }
}
