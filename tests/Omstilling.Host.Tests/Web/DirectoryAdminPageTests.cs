using Microsoft.Playwright;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// The directory in the database changed in a browser: IT imports a CSV on <c>/vidensdatabase</c>
/// (a broken one first: its errors by line and column, nothing applied; then a good one, previewed
/// and applied), and Camilla Holm, Borgerservice's team leader, changes one of her people on
/// <c>/afdelinger/medarbejdere</c>. Each change reaches the public contact page and the audit log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectoryAdminPageTests : IDisposable
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-directory-web-").FullName;

    [Fact]
    public async Task Its_changes_are_previewed_applied_audited_and_in_use_at_once()
    {
        await using var server = await ServerProcess.StartBundledAsync(_data, "--demo");
        await using var chromium = await Chromium.LaunchAsync();
        Assert.True(await server.WaitForDemoLoginsAsync(), server.Output);
        var page = await chromium.LogInAsync(server, "admin", "demoadmin", "/vidensdatabase");
        await page.Locator("section[data-interactive=true]").WaitForAsync();

        var broken = Path.Combine(_data, "folk.csv");
        await File.WriteAllTextAsync(broken, "name;department;extension\nCamilla Holm;borgerservice;2012\nBo Jensen;borgerservice;20x1\n");
        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(broken);
        await page.Locator("[data-testid=diagnostics] li", new() { HasText = "folk.csv:3:25: error: '20x1' is not an extension" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=apply]").CountAsync());

        var people = await ExportedPeopleAsync(server, title: "Afdelingsleder");
        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(people);
        var summary = page.Locator("[data-testid=summary] tr[data-kind=Person]");
        await summary.WaitForAsync();
        Assert.Equal("Medarbejdere\t0\t0\t1", (await summary.InnerTextAsync()).Trim());
        Assert.Equal("Ændret medarbejder: Camilla Holm (camilla-holm): titel", (await page.Locator("[data-testid=changes] li").InnerTextAsync()).Trim());
        Assert.DoesNotContain("Afdelingsleder", await ContactAsync(server), StringComparison.Ordinal);
        await page.Locator("[data-testid=apply]").ClickAsync();
        await page.Locator("[data-testid=feedback]", new() { HasText = "1 ændringer er gennemført" }).WaitForAsync();
        Assert.Contains("Afdelingsleder", await ContactAsync(server), StringComparison.Ordinal);
        Assert.Contains("Ændret medarbejder: camilla-holm", await page.Locator("[data-testid=audit]").InnerTextAsync(), StringComparison.Ordinal);

        var head = await chromium.LogInAsync(server, "2012", "demo2012", "/afdelinger/medarbejdere");
        await head.Locator("section[data-interactive=true]").WaitForAsync();
        var anne = head.Locator("[data-testid=people] tr[data-person=anne-soerensen]");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Ret oplysninger" }).ClickAsync();
        var form = head.Locator("[data-testid=person-form]");
        await form.Locator("[data-testid=title]").FillAsync("Specialist i pas");
        await form.Locator("[data-testid=topics]").FillAsync("pas, kørekort, nødpas");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gem oplysninger" }).ClickAsync();
        await head.Locator("[data-testid=feedback]", new() { HasText = "Oplysningerne om Anne Sørensen er gemt." }).WaitForAsync();
        await anne.Locator("td", new() { HasText = "Specialist i pas" }).WaitForAsync();
        Assert.Contains("Specialist i pas", await ContactAsync(server), StringComparison.Ordinal);
        Assert.Contains("2012 – Ændret medarbejder: anne-soerensen", await head.Locator("[data-testid=department-audit]").InnerTextAsync(), StringComparison.Ordinal);

        await anne.GetByRole(AriaRole.Button, new() { Name = "Ret oplysninger" }).ClickAsync();
        await form.Locator("[data-testid=mobile]").FillAsync("12 34");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gem oplysninger" }).ClickAsync();
        await head.Locator("[data-testid=feedback]", new() { HasText = "Ikke gemt: 12 34 er ikke et dansk telefonnummer. Skriv de 8 cifre, fx 20 30 40 50." }).WaitForAsync();
    }

    public void Dispose() => System.IO.Directory.Delete(_data, recursive: true);

    /// <summary>The server's people as a CSV with Camilla Holm's title changed: the export, turned into a file of people.</summary>
    private async Task<string> ExportedPeopleAsync(ServerProcess server, string title)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var yaml = Path.Combine(_data, "export.yaml");
        Assert.Equal(0, await Omstilling.Host.Cli.CommandLine.RunAsync(["directory", "export", "--output", yaml, "--data-dir", server.DataDirectory], output, error, CancellationToken.None));
        var edited = (await File.ReadAllTextAsync(yaml)).Replace("name: \"Camilla Holm\", title: \"Teamleder\"", $"name: \"Camilla Holm\", title: \"{title}\"", StringComparison.Ordinal);
        var path = Path.Combine(_data, "vidensdatabase.yaml");
        await File.WriteAllTextAsync(path, edited);
        return path;
    }

    private static async Task<string> ContactAsync(ServerProcess server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync($"http://127.0.0.1:{server.WebPort}/kontakt.json");
    }
}
