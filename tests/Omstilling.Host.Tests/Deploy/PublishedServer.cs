using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Deploy;

/// <summary>
/// The server published as docs/install.md says (<c>dotnet publish src/Omstilling.Host -c Release
/// -r linux-x64 --self-contained -p:PublishSingleFile=true</c>) into a temporary folder, once for
/// the tests that use it; the folder goes with it. ReadyToRun is left out here: compiling every
/// assembly ahead of time takes some ten minutes on the two cores CI has, and it changes how fast
/// the binary starts, not whether it works (bench/RESULTS.md measures it).
/// </summary>
public sealed class PublishedServer : IAsyncLifetime
{
    /// <summary>Restoring the runtime pack and compiling for linux-x64 take a minute or two on a busy machine.</summary>
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(10);

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-publish-").FullName;

    /// <summary>The single executable.</summary>
    public string Binary => Path.Combine(_folder, "omstilling");

    public string Folder => _folder;

    /// <summary>What dotnet publish said, for the failure messages.</summary>
    public ProcessRunner.Result Publish { get; private set; } = null!;

    public static string Repository(string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return Path.Combine(dir.FullName, path);
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }

    public async Task InitializeAsync()
    {
        Publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", Repository("src/Omstilling.Host"), "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishSingleFile=true", "-p:PublishReadyToRun=false", "-o", _folder, "-nologo"],
            PublishLimit,
            workingDirectory: Repository("."));
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
