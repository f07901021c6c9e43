using System.Net;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Omstilling.Directory.Loading;
using Omstilling.Host.Tests.Support;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// The published contact page (/kontakt) and its feed (/kontakt.json) in a citizen's browser,
/// without a login, on the real server with its clock moved (<c>run --at</c>): the content comes
/// from the bundled policy, a partners-only number never appears, the hours change on Christmas
/// Eve against an ordinary Thursday, an edited policy shows at once, and axe-core finds no serious
/// or critical accessibility violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactPageTests
{
    [Fact]
    public async Task On_christmas_eve_the_page_shows_the_policy_closed_with_the_after_hours_menu_and_no_partners_number()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-24 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        var (page, response) = await chromium.OpenAsync(server.WebPort, "/kontakt");

        // Open to all, cached only with a revalidation, and embeddable by the municipality's site.
        Assert.Equal(200, response!.Status);
        var headers = await response.AllHeadersAsync();
        Assert.Equal("public, no-cache", headers["cache-control"]);
        Assert.True(headers.ContainsKey("etag"));
        Assert.False(headers.ContainsKey("x-frame-options"));
        Assert.Contains("frame-ancestors *;", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.EndsWith("/kontakt", page.Url, StringComparison.Ordinal);

        Assert.Equal("Kontakt Guldborgsund Kommune", await page.Locator("h1").InnerTextAsync());
        var main = page.Locator("[data-testid=main]");
        Assert.Contains("54 73 10 00", await main.Locator(".number").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Lukket nu – åbner mandag kl. 08.00", await main.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Contains("Lukket (Juleaftensdag)", await main.Locator("[data-testid=today]").InnerTextAsync(), StringComparison.Ordinal);
        var week = await main.Locator("[data-testid=week] tbody tr").AllInnerTextsAsync();
        Assert.Contains("Juledag", week[1], StringComparison.Ordinal);
        Assert.Contains("Mandag 28. december\t08.00–15.00", week[4], StringComparison.Ordinal);

        var borgerservice = page.Locator("[data-testid=department-borgerservice]");
        Assert.Contains("54 73 20 10", await borgerservice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(
            ["Mandag–onsdag\t10.00–15.00", "Torsdag\t10.00–17.00", "Fredag\t10.00–13.00", "Lørdag–søndag\tLukket"],
            await borgerservice.Locator("[data-testid=regular] tr").AllInnerTextsAsync());

        var afterHours = page.Locator("[data-testid=after-hours]");
        Assert.Contains("Hovednummeret har lukket lige nu", await afterHours.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Tast 5 Snevagten", await afterHours.InnerTextAsync(), StringComparison.Ordinal);

        // Never a number marked for partners only, on the page or in the feed; the feed says what the page says.
        var html = await page.ContentAsync();
        var feed = await FeedAsync(server);
        foreach (var number in PartnersOnlyNumbers())
        {
            Assert.DoesNotContain(number, html, StringComparison.Ordinal);
            Assert.DoesNotContain(DanishNumber.Display(number), html, StringComparison.Ordinal);
            Assert.DoesNotContain(number, feed.Text, StringComparison.Ordinal);
        }

        Assert.Equal("Lukket nu – åbner mandag kl. 08.00", feed.Json.GetProperty("main").GetProperty("hours").GetProperty("status").GetString());
        Assert.Equal("*", feed.AllowOrigin);

        // Keyboard: the first Tab reaches the main number's link, with a visible focus ring.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("tel:+4554731000", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        await AssertAccessibleAsync(page);
        Assert.Empty(chromium.RefusedByPolicy);
        await Screenshot(page, "kontakt.png");

        // Printed: black on white, links without colour.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Print });
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-testid=main] .status')).color"));
        Assert.True((await page.PdfAsync()).Length > 10_000);
    }

    [Fact]
    public async Task On_an_ordinary_thursday_the_hours_are_open_and_an_edited_policy_shows_at_once()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-17 10:00");
        await using var chromium = await Chromium.LaunchAsync();
        var (page, _) = await chromium.OpenAsync(server.WebPort, "/kontakt");

        var main = page.Locator("[data-testid=main]");
        Assert.Equal("Åben nu – lukker kl. 17.00", await main.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Contains("08.00–17.00", await main.Locator("[data-testid=today]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Når hovednummeret har lukket", await page.Locator("[data-testid=after-hours]").InnerTextAsync(), StringComparison.Ordinal);
        var borgerservice = page.Locator("[data-testid=department-borgerservice]");
        Assert.Contains("10.00–17.00", await borgerservice.Locator("[data-testid=today]").InnerTextAsync(), StringComparison.Ordinal);

        // The same content again: the client's copy is still good.
        var first = await FeedAsync(server);
        using (var http = new HttpClient())
        using (var again = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{server.WebPort}/kontakt.json"))
        {
            again.Headers.TryAddWithoutValidation("If-None-Match", first.ETag);
            using var answer = await http.SendAsync(again);
            Assert.True(answer.StatusCode == HttpStatusCode.NotModified || !string.Equals(answer.Headers.ETag?.Tag, first.ETag, StringComparison.Ordinal), $"{(int)answer.StatusCode}");
        }

        // The policy changes: Borgerservice's number becomes partners-only and Thursday closes at 16.
        var file = Path.Combine(server.DataDirectory, "policy", "guldborgsund.yaml");
        var text = await File.ReadAllTextAsync(file);
        var edited = text
            .Replace("- number: 54 73 20 10      # eksempelnummer\n            visibility: public", "- number: 54 73 20 10      # eksempelnummer\n            visibility: partners", StringComparison.Ordinal)
            .Replace("            thu: 10:00-17:00", "            thu: 10:00-16:00", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        await File.WriteAllTextAsync(file, edited);

        Assert.True(await Eventually.ReachedAsync(async () => !(await FeedAsync(server)).Text.Contains("54732010", StringComparison.Ordinal)), server.Output);
        await page.ReloadAsync();
        Assert.DoesNotContain("54 73 20 10", await page.ContentAsync(), StringComparison.Ordinal);
        // The department stays for its staff's own public numbers, without its number and with Thursday's new hours.
        Assert.Equal(0, await borgerservice.Locator(".number").CountAsync());
        Assert.Contains("10.00–16.00", await borgerservice.Locator("[data-testid=today]").InnerTextAsync(), StringComparison.Ordinal);
        var jobcenter = (await FeedAsync(server)).Json.GetProperty("areas").EnumerateArray()
            .SelectMany(a => a.GetProperty("departments").EnumerateArray()).Single(d => d.GetProperty("id").GetString() == "jobcenter");
        Assert.Equal("54 73 20 20", jobcenter.GetProperty("numbers")[0].GetProperty("display").GetString());
    }

    /// <summary>Every number the bundled policy and directory give to partners only.</summary>
    private static List<string> PartnersOnlyNumbers()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml")).Policy!;
        var directory = DirectoryLoader.LoadFile(TestPolicy.Directory, policy).File!;
        var numbers = policy.Numbers.Values.Where(n => n.Visibility == NumberVisibility.PartnersOnly).Select(n => n.Number)
            .Concat(directory.Departments.SelectMany(d => d.Numbers).Concat(directory.People.SelectMany(p => p.DirectNumbers)).Where(n => n.IsPartnersOnly).Select(n => n.Number))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("54732030", numbers);
        Assert.True(numbers.Count >= 10, string.Join(", ", numbers));
        return numbers;
    }

    private static async Task<(string Text, JsonElement Json, string ETag, string? AllowOrigin)> FeedAsync(ServerProcess server)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{server.WebPort}/kontakt.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        return (text, JsonDocument.Parse(text).RootElement.Clone(), response.Headers.ETag?.Tag ?? "", allowOrigin);
    }

    /// <summary>axe-core over the whole page: no violation of impact serious or critical.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
        Assert.True(result.Passes.Length > 10, "axe-core ran hardly any rule");
    }

    /// <summary>Kept in the test output (screenshots/) for a look.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }
}
