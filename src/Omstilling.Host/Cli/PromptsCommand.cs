using Omstilling.Calls.Media;
using Omstilling.Media.Prompts;
using Omstilling.Policy.Loading;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling prompts generate [--out DIR]</c> speaks every standard prompt into DIR (default
/// prompts/da) with espeak-ng and sox, with music on hold and the ringing tone;
/// <c>omstilling prompts generate --policy FILE [--out DIR]</c> speaks the prompts a policy needs
/// (its greetings, menus and messages) into DIR (default prompts/da/spoken), each with its text
/// beside it; <c>omstilling prompts list [--policy FILE]</c> prints names and texts.
/// </summary>
internal static class PromptsCommand
{
    private const string Usage = "Usage: omstilling prompts generate [--policy FILE] [--out DIR] | omstilling prompts list [--policy FILE]";

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var span = args.Span;
        if (span.Length < 1 || (span[0] != "list" && span[0] != "generate"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        string? folder = null;
        string? policyFile = null;
        for (var i = 1; i < span.Length; i += 2)
        {
            if (i + 1 >= span.Length || (span[i] != "--out" && span[i] != "--policy") || (span[i] == "--out" && span[0] == "list"))
            {
                await error.WriteLineAsync(Usage);
                return 2;
            }

            if (span[i] == "--out")
            {
                folder = span[i + 1];
            }
            else
            {
                policyFile = span[i + 1];
            }
        }

        IReadOnlyList<(string Name, string Text)> prompts = StandardPrompts.All;
        if (policyFile is not null)
        {
            var loaded = PolicyLoader.LoadFile(policyFile);
            if (!loaded.Succeeded)
            {
                await error.WriteLineAsync(loaded.Report());
                return 1;
            }

            prompts = PolicyPrompts.Required(loaded.Policy!);
        }

        if (span[0] == "list")
        {
            foreach (var (name, text) in prompts)
            {
                await output.WriteLineAsync($"{name}\t{text}");
            }

            return 0;
        }

        if (!EspeakSynthesizer.IsAvailable())
        {
            await error.WriteLineAsync("espeak-ng and sox are needed: apt-get install espeak-ng sox");
            return 1;
        }

        if (policyFile is not null)
        {
            return await SpeakPolicyAsync(prompts, folder ?? Path.Combine("prompts", "da", "spoken"), output, cancellationToken);
        }

        folder ??= Path.Combine("prompts", "da");
        System.IO.Directory.CreateDirectory(folder);
        foreach (var (name, text) in prompts)
        {
            await EspeakSynthesizer.SynthesizeAsync(text, Path.Combine(folder, name + ".wav"), cancellationToken);
        }

        await EspeakSynthesizer.SynthesizeMusicAsync(Path.Combine(folder, StandardPrompts.MusicOnHold + ".wav"), cancellationToken);
        await EspeakSynthesizer.SynthesizeRingbackAsync(Path.Combine(folder, StandardPrompts.Ringback + ".wav"), cancellationToken);
        await output.WriteLineAsync($"{prompts.Count} prompts, music on hold and the ringing tone written to {folder}");
        return 0;
    }

    /// <summary>Every prompt of the policy as speech with its text beside it.</summary>
    private static async Task<int> SpeakPolicyAsync(IReadOnlyList<(string Name, string Text)> prompts, string folder, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var (name, text) in prompts)
        {
            await PromptLibrary.SpeakAsync(name, text, folder, cancellationToken);
        }

        await output.WriteLineAsync($"{prompts.Count} policy prompts written to {folder}");
        return 0;
    }
}
