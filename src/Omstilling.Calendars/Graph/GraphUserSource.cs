using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Omstilling.Directory.Loading.Accounts;

namespace Omstilling.Calendars.Graph;

/// <summary>
/// The organisation's user accounts from Microsoft Graph, app-only: <c>GET /users</c> with
/// <c>$select</c> of the properties the directory sync reads and <c>$top=999</c>, following
/// <c>@odata.nextLink</c> (at most <see cref="MaxPages"/> pages). Throttling and an expired token
/// are handled as for the calendars (<see cref="GraphClients"/>). Needs the application permission
/// User.Read.All. Thread-safe.
/// </summary>
public sealed class GraphUserSource : IDirectoryAccountSource, IDisposable
{
    /// <summary>Pages followed at most (999 accounts each): a server that keeps linking cannot hold the sync.</summary>
    public const int MaxPages = 500;

    /// <summary>Accounts asked for per page; Graph's largest for <c>/users</c>.</summary>
    public const int PageSize = 999;

    public static readonly IReadOnlyList<string> Selected =
        ["id", "displayName", "givenName", "surname", "jobTitle", "department", "mail", "businessPhones", "mobilePhone", "accountEnabled"];

    private readonly HttpClient _http;
    private readonly GraphServiceClient _client;

    /// <param name="network">The handler that reaches the network; a default one when null.</param>
    public GraphUserSource(GraphOptions options, IGraphTokenSource tokens, TimeProvider time, ILogger logger, HttpMessageHandler? network = null)
    {
        (_http, _client) = GraphClients.Create(options, tokens, time, logger, network);
    }

    public string Name => "Microsoft 365";

    public async Task<IReadOnlyList<DirectoryAccount>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var accounts = new List<DirectoryAccount>();
            var page = await _client.Users.GetAsync(
                r =>
                {
                    r.QueryParameters.Select = [.. Selected];
                    r.QueryParameters.Top = PageSize;
                },
                cancellationToken);
            for (var count = 1; ; count++)
            {
                accounts.AddRange((page?.Value ?? []).Select(Account));
                if (page?.OdataNextLink is not { Length: > 0 } next)
                {
                    return accounts;
                }

                if (count == MaxPages)
                {
                    throw new DirectoryAccountSourceException($"Microsoft Graph /users gave more than {MaxPages} pages; stopped there and used none of them");
                }

                page = await _client.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
            }
        }
        catch (ODataError e)
        {
            throw new DirectoryAccountSourceException($"Microsoft Graph /users answered {e.ResponseStatusCode} {e.Error?.Code}: {e.Error?.Message ?? e.Message}", e);
        }
        catch (ApiException e)
        {
            throw new DirectoryAccountSourceException($"Microsoft Graph /users answered {e.ResponseStatusCode}: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new DirectoryAccountSourceException($"Microsoft Graph cannot be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DirectoryAccountSourceException("Microsoft Graph did not answer within 60 seconds", e);
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            throw new DirectoryAccountSourceException($"Microsoft Entra ID gave no token: {e.Message}", e);
        }
    }

    private static DirectoryAccount Account(User user) =>
        new(user.Id ?? "", user.AccountEnabled != false)
        {
            DisplayName = user.DisplayName,
            GivenName = user.GivenName,
            Surname = user.Surname,
            JobTitle = user.JobTitle,
            Department = user.Department,
            Mail = user.Mail,
            BusinessPhones = [.. (user.BusinessPhones ?? []).OfType<string>()],
            MobilePhone = user.MobilePhone,
        };

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
