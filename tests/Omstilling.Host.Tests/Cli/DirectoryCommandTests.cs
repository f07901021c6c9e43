using System.Text.Json;
using Omstilling.Host.Cli;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Cli;

/// <summary><c>omstilling directory import|export|log</c>: the directory in the database, previewed, applied, audited and followed by the running server.</summary>
public sealed class DirectoryCommandTests : IDisposable
{
    private const string SeeHelp = "omstilling directory --help lists the commands and options.\n";

    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-directory-cli-").FullName;

    private static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund-directory.yaml");

    [Fact]
    public async Task An_import_shows_its_changes_applies_them_only_when_told_and_a_file_with_errors_applies_nothing()
    {
        var (exit, preview, _) = await DirectoryAsync("import", BundledDirectory, "--data-dir", _data);
        Assert.Equal(0, exit);
        Assert.StartsWith("Areas: 3 new, 0 left, 0 changed\nDepartments: 33 new, 0 left, 0 changed\nPeople: 104 new, 0 left, 0 changed\n", preview, StringComparison.Ordinal);
        Assert.Contains("+ person camilla-holm (Camilla Holm)\n", preview, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed: run again with --apply to apply these changes.\n", preview, StringComparison.Ordinal);
        Assert.Equal((0, "ID\tAT\tACTOR\tSOURCE\tCHANGE\tKIND\tENTRY\tBEFORE\tAFTER\n", ""), await DirectoryAsync("log", "--data-dir", _data));

        Assert.EndsWith("Applied 140 changes: the directory is at revision 140.\n", (await DirectoryAsync("import", BundledDirectory, "--apply", "--data-dir", _data)).Output, StringComparison.Ordinal);

        var broken = await WriteAsync("folk.csv", "name,department,extension\nCamilla Holm,borgerservice,2012\nBo Jensen,ingen,2011\n");
        Assert.Equal((1, "", $"{broken}:3:11: error: department 'ingen' of person 'Bo Jensen' is not known; expected a department of this file or the policy: "), Cut(await DirectoryAsync("import", broken, "--apply", "--data-dir", _data)));
        var people = await WriteAsync("folk2.csv", "name;department;extension;title;direct\nCamilla Holm;borgerservice;2012;Afdelingsleder;54 73 21 12\nBo Jensen;borgerservice;2011;;\n");
        var (applied, output, _) = await DirectoryAsync("import", people, "--apply", "--data-dir", _data);
        Assert.Equal(0, applied);
        Assert.StartsWith("Areas: 0 new, 0 left, 0 changed\nDepartments: 0 new, 0 left, 0 changed\nPeople: 0 new, 102 left, 2 changed\n~ person camilla-holm (Camilla Holm): title, email, topics, covered-by\n~ person bo-jensen (Bo Jensen): title, email, topics, covered-by\n- person", output, StringComparison.Ordinal);
        Assert.EndsWith("Applied 104 changes: the directory is at revision 244.\n", output, StringComparison.Ordinal);

        var log = (await DirectoryAsync("log", "--limit", "200", "--data-dir", _data)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(201, log.Length);
        var camilla = log.Single(l => l.Contains("\tchanged\tperson\tcamilla-holm\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal((Environment.UserName, "import folk2.csv"), (camilla[2], camilla[3]));
        Assert.Contains("title: \"Teamleder\"", camilla[7], StringComparison.Ordinal);
        Assert.Contains("title: \"Afdelingsleder\"", camilla[8], StringComparison.Ordinal);

        var exported = Path.Combine(_data, "export.yaml");
        Assert.Equal((0, "", ""), await DirectoryAsync("export", "--output", exported, "--data-dir", _data));
        Assert.Equal((0, "Areas: 0 new, 0 left, 0 changed\nDepartments: 0 new, 0 left, 0 changed\nPeople: 0 new, 0 left, 0 changed\nNothing to change.\n", ""), await DirectoryAsync("import", exported, "--data-dir", _data));
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_say_where_help_is()
    {
        Assert.Equal((2, "", "omstilling directory: Required command was not provided.\n" + SeeHelp), await DirectoryAsync("--data-dir", _data));
        Assert.Equal((2, "", "omstilling directory import: Required argument missing for command: 'import'.\n" + SeeHelp), await DirectoryAsync("import", "--data-dir", _data));
        await WriteAsync("x.txt", "name,department\n");
        Assert.Equal((1, "", $"{_data}/x.txt:1:1: error: 'x.txt' is neither CSV nor YAML; expected a .csv file of people or a .yaml directory file\nomstilling directory import: {_data}/x.txt has errors (above); nothing was applied\n"), await DirectoryAsync("import", Path.Combine(_data, "x.txt"), "--data-dir", _data));
        Assert.Equal((1, "", "omstilling directory export: the database holds no directory yet (the server seeds it at its first start, or import one)\n"), await DirectoryAsync("export", "--data-dir", _data));
        var (help, text, _) = await DirectoryAsync("import", "--help");
        Assert.Equal(0, help);
        Assert.Contains("--apply", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_server_seeds_the_database_from_the_bundled_directory_and_follows_an_import_made_while_it_runs()
    {
        await using (var server = await ServerProcess.StartBundledAsync(_data))
        {
            Assert.Contains("The staff directory in the database was seeded from", server.Output, StringComparison.Ordinal);
            Assert.Contains("Byggesagsbehandling", await ContactAsync(server), StringComparison.Ordinal);
            Assert.DoesNotContain("Afdelingsleder", await ContactAsync(server), StringComparison.Ordinal);

            var people = await WriteAsync("folk.csv", "name,department,extension,title,direct\nCamilla Holm,borgerservice,2012,Afdelingsleder,54 73 21 12\n");
            Assert.Equal(0, (await DirectoryAsync("import", people, "--apply", "--data-dir", _data)).Exit);

            Assert.True(await Eventually.ReachedAsync(async () => (await ContactAsync(server)).Contains("Afdelingsleder", StringComparison.Ordinal)), server.Output);
            Assert.Contains("The staff directory (the directory in the database) was reloaded", server.Output, StringComparison.Ordinal);
        }

        // A restart keeps what was imported: the database is not seeded again.
        await using var again = await ServerProcess.StartBundledAsync(_data);
        Assert.DoesNotContain("was seeded", again.Output, StringComparison.Ordinal);
        Assert.Contains("Afdelingsleder", await ContactAsync(again), StringComparison.Ordinal);
    }

    public void Dispose() => System.IO.Directory.Delete(_data, recursive: true);

    private static async Task<string> ContactAsync(ServerProcess server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var json = await http.GetStringAsync($"http://127.0.0.1:{server.WebPort}/kontakt.json");
        return JsonDocument.Parse(json).RootElement.ToString();
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_data, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    /// <summary>The error output up to the department list (which names every department).</summary>
    private static (int, string, string) Cut((int Exit, string Output, string Error) result) =>
        (result.Exit, result.Output, result.Error[..(result.Error.IndexOf("policy: ", StringComparison.Ordinal) + "policy: ".Length)]);

    private static async Task<(int Exit, string Output, string Error)> DirectoryAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await CommandLine.RunAsync(["directory", .. args], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
