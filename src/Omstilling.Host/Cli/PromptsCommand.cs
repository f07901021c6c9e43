using System.CommandLine;
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
internal sealed class PromptsCommand
{
    private readonly Option<string?> _policy = new("--policy") { Description = "The policy whose prompts (greetings, menus, messages) are meant [default: the standard prompts]", HelpName = "file" };
    private readonly Option<string?> _out = new("--out") { Description = "Where the WAV files go [default: prompts/da, or prompts/da/spoken with --policy]", HelpName = "dir" };
    private readonly Command _generate;
    private readonly Command _list;

    public PromptsCommand()
    {
        _generate = new Command("generate", "Speak the prompts into WAV files (espeak-ng and sox)") { _policy, _out };
        _list = new Command("list", "Print the prompts' names and texts, tab-separated") { _policy };
        Command = new Command("prompts", "The prompts callers hear: speak them (espeak-ng, sox) or list them") { _generate, _list };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        if (command != _generate && command != _list)
        {
            return await CliInvocation.UsageErrorAsync(parsed, "generate or list?", error);
        }

        var policyFile = parsed.GetValue(_policy);
        var folder = command == _generate ? parsed.GetValue(_out) : null;
        IReadOnlyList<(string Name, string Text)> prompts = StandardPrompts.All;
        if (policyFile is not null)
        {
            var loaded = PolicyLoader.LoadFile(policyFile);
            if (!loaded.Succeeded)
            {
                await error.WriteLineAsync(loaded.Report());
                return CliInvocation.Failure;
            }

            prompts = PolicyPrompts.Required(loaded.Policy!);
        }

        if (command == _list)
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
