using Omstilling.Media.Prompts;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling prompts generate [--out DIR]</c> speaks every standard prompt into DIR (default
/// prompts/da) with espeak-ng and sox; <c>omstilling prompts list</c> prints names and texts.
/// </summary>
internal static class PromptsCommand
{
    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var span = args.Span;
        if (span.Length >= 1 && span[0] == "list")
        {
            foreach (var (name, text) in StandardPrompts.All)
            {
                await output.WriteLineAsync($"{name}\t{text}");
            }

            return 0;
        }

        if (span.Length < 1 || span[0] != "generate" || (span.Length != 1 && (span.Length != 3 || span[1] != "--out")))
        {
            await error.WriteLineAsync("Usage: omstilling prompts generate [--out DIR] | omstilling prompts list");
            return 2;
        }

        var folder = span.Length == 3 ? span[2] : Path.Combine("prompts", "da");
        if (!EspeakSynthesizer.IsAvailable())
        {
            await error.WriteLineAsync("espeak-ng and sox are needed: apt-get install espeak-ng sox");
            return 1;
        }

        Directory.CreateDirectory(folder);
        foreach (var (name, text) in StandardPrompts.All)
        {
            await EspeakSynthesizer.SynthesizeAsync(text, Path.Combine(folder, name + ".wav"), cancellationToken);
        }

        await EspeakSynthesizer.SynthesizeMusicAsync(Path.Combine(folder, StandardPrompts.MusicOnHold + ".wav"), cancellationToken);
        await EspeakSynthesizer.SynthesizeRingbackAsync(Path.Combine(folder, StandardPrompts.Ringback + ".wav"), cancellationToken);
        await output.WriteLineAsync($"{StandardPrompts.All.Count} prompts and music on hold written to {folder}");
        return 0;
    }
}
