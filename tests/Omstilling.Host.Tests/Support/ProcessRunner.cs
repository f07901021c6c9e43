using System.Diagnostics;
using System.Text;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// Runs a tool to completion within a time limit, capturing standard output and error together;
/// standard input gets <c>input</c> (if any) and is then closed, so nothing waits on it. Past the
/// limit the whole process tree is killed (a script's server and SIPp too), waited for a bounded
/// while, and the result says so. Also compiled into the bench smoke tests.
/// </summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output)
    {
        public TimeSpan Took { get; init; }

        public bool TimedOut { get; init; }

        public override string ToString() =>
            $"exit {ExitCode}{(TimedOut ? " (killed at its time limit)" : "")} after {Took.TotalSeconds:F0} s\n{Output}";
    }

    /// <param name="input">Written to standard input before it is closed.</param>
    /// <param name="environment">Variables set for the process on top of the test's own.</param>
    public static async Task<Result> RunAsync(
        string file,
        IEnumerable<string> args,
        TimeSpan timeout,
        string? workingDirectory = null,
        string? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var started = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);

            // Bounded too: a process left behind that still holds the output open is not waited for.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
            }

            Append(output, $"[killed after {timeout}]");
            return new Result(-1, Text(output)) { Took = started.Elapsed, TimedOut = true };
        }

        return new Result(process.ExitCode, Text(output)) { Took = started.Elapsed };
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.AppendLine(line);
        }
    }

    private static string Text(StringBuilder sb)
    {
        lock (sb)
        {
            return sb.ToString();
        }
    }
}
