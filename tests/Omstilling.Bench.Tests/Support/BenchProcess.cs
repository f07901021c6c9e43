using System.Diagnostics;
using System.Text;

namespace Omstilling.Bench.Tests.Support;

/// <summary>
/// Runs one benchmark command to its end within a time limit, capturing standard output and error
/// together. Past the limit the whole process tree is killed (a script's server and SIPp too) and
/// the result says so.
/// </summary>
internal static class BenchProcess
{
    public sealed record Result(int ExitCode, string Output, TimeSpan Took)
    {
        public bool TimedOut { get; init; }

        public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (killed at its time limit)" : "")} after {Took.TotalSeconds:F0} s\n{Output}";
    }

    public static async Task<Result> RunAsync(
        string file,
        IEnumerable<string> args,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // A script named as its documentation names it ("bench/sipp/load.sh", "./load.sh") is found
        // from the folder it is run in, as a shell would.
        var command = file.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(file) ? Path.GetFullPath(file, workingDirectory) : file;
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
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
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // Bounded too: a process left behind that still holds the output open is not waited for.
            process.Kill(entireProcessTree: true);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return new Result(-1, Text(output), started.Elapsed) { TimedOut = true };
        }

        return new Result(process.ExitCode, Text(output), started.Elapsed);
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
