using Microsoft.Playwright;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium), headless, driven by Playwright: the operator's browser.
/// The flags keep it off the network (this machine has none) and working as root.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _refused = new();

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>What the browser refused for the Content-Security-Policy on the pages <see cref="LogInAsync"/> opened (its console's errors).</summary>
    public IReadOnlyCollection<string> RefusedByPolicy => _refused;

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A new browser context (its own cookies) logged in to the server as <paramref name="user"/>,
    /// on <paramref name="path"/> (an interactive page), once its live connection is up.
    /// </summary>
    public Task<IPage> LogInAsync(ServerProcess server, string user, string password, string path, int width = 1440, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(server);
        return LogInAsync(server.WebPort, () => server.Output, user, password, path, width, height);
    }

    /// <summary>As <see cref="LogInAsync(ServerProcess, string, string, string, int, int)"/>, for a server in the test process.</summary>
    public Task<IPage> LogInAsync(InProcessServer server, string user, string password, string path, int width = 1440, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(server);
        return LogInAsync(server.WebPort, () => "", user, password, path, width, height);
    }

    private async Task<IPage> LogInAsync(int webPort, Func<string> output, string user, string password, string path, int width, int height)
    {
        var page = await NewPageAsync(webPort, width, height);
        await page.GotoAsync(path);
        await page.FillAsync("input[name=username]", user);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync($"**{path}");
        }
        catch (TimeoutException e)
        {
            // Say where the login went instead (the form again with its message, "Ingen adgang").
            var alert = await page.Locator(".alert").AllInnerTextsAsync();
            throw new TimeoutException($"The login as {user} did not reach {path}: the browser is at {page.Url} {string.Join(' ', alert)}\n{output()}", e);
        }

        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }

    /// <summary>
    /// A new browser context without a login (a citizen's browser) on <paramref name="path"/>;
    /// what it refuses for the Content-Security-Policy is counted in <see cref="RefusedByPolicy"/>.
    /// </summary>
    public async Task<(IPage Page, IResponse? Response)> OpenAsync(int webPort, string path, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(webPort, width, height);
        var response = await page.GotoAsync(path);
        return (page, response);
    }

    /// <summary>The operator console, logged in, once its live connection is up (keys and clicks reach the server).</summary>
    public async Task<IPage> ConsoleAsync(ServerProcess server, string user, string password)
    {
        return await LogInAsync(server, user, password, "/omstilling");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>A page in a new context (Danish, Copenhagen time) whose refusals for the Content-Security-Policy are counted.</summary>
    private async Task<IPage> NewPageAsync(int webPort, int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://127.0.0.1:{webPort}",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _refused.Enqueue(message.Text);
            }
        };
        return page;
    }
}
