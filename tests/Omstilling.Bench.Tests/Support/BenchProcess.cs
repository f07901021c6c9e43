namespace Omstilling.Bench.Tests.Support;

/// <summary>
/// Runs one benchmark command the way its documentation gives it, with the Host tests'
/// <see cref="ProcessRunner"/> (linked): a script named by a relative path ("bench/sipp/load.sh",
/// "./load.sh") is found from the folder it runs in, as a shell would find it.
/// </summary>
internal static class BenchProcess
{
    public static Task<ProcessRunner.Result> RunAsync(
        string file,
        IEnumerable<string> args,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = file.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(file) ? Path.GetFullPath(file, workingDirectory) : file;
        return ProcessRunner.RunAsync(command, args, timeout, workingDirectory, environment: environment);
    }
}
