using System.Net;
using System.Text.RegularExpressions;

namespace Omstilling.Host.Tests.Support;

/// <summary>A browser-less web login: the form's antiforgery token, then the POST, as a browser does it.</summary>
public static partial class WebLogin
{
    /// <summary>A client on <paramref name="webPort"/> with its own cookies and no redirects followed, not logged in.</summary>
    public static HttpClient Anonymous(int webPort)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromSeconds(15) };
    }

    /// <summary>A client logged in as <paramref name="user"/>; throws when the login is refused.</summary>
    public static async Task<HttpClient> LogInAsync(int webPort, string user, string password)
    {
        var http = Anonymous(webPort);
        var location = await PostLoginAsync(http, user, password);
        if (location.Contains("/konto/login", StringComparison.Ordinal))
        {
            http.Dispose();
            throw new InvalidOperationException($"The login as {user} was refused ({location}).");
        }

        return http;
    }

    /// <summary>Posts the login form with the token of a fresh form; returns where the server sends the browser.</summary>
    public static async Task<string> PostLoginAsync(HttpClient http, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = await TokenAsync(http),
        });
        using var answer = await http.PostAsync(new Uri("/konto/log-ind", UriKind.Relative), form);
        return answer.StatusCode == HttpStatusCode.Redirect
            ? answer.Headers.Location?.OriginalString ?? ""
            : throw new InvalidOperationException($"The login answered {(int)answer.StatusCode}, not a redirect.");
    }

    /// <summary>The antiforgery token of the login form (its cookie goes into the client's cookies).</summary>
    public static async Task<string> TokenAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var page = await http.GetStringAsync(new Uri("/konto/login", UriKind.Relative));
        return TokenPattern().Match(page) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The login form has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
