using Omstilling.Host.Tests.Support;
using Omstilling.Storage.Users;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// One in-process server for the access tests, with one user per role and nothing else (an
/// operator who is only an operator, and so on), each logged in once.
/// </summary>
public sealed class WebAccessFixture : IAsyncLifetime
{
    /// <summary>For the login tests, which make its logins wait; the role users' sessions are made first.</summary>
    public const string ThrottledUser = "2002";

    private InProcessServer? _server;
    private readonly Dictionary<Role, HttpClient> _clients = [];

    public InProcessServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client with the role's login cookie (none for <see cref="Role.Anonymous"/>); redirects are not followed.</summary>
    public HttpClient Client(Role role) => _clients[role];

    public static string Password(string user) => "hemmelig-" + user;

    public async Task InitializeAsync()
    {
        _server = await InProcessServer.StartAsync(
        [
            new NewUser("100", "Lise Jørgensen", [UserRole.Operator], Password("100")) { Extension = "100" },
            new NewUser("2001", "Birgitte Holst", [UserRole.Staff], Password("2001")) { Extension = "2001", PersonId = "birgitte-holst" },
            new NewUser("2012", "Camilla Holm", [UserRole.Staff, UserRole.DepartmentHead], Password("2012")) { Extension = "2012", PersonId = "camilla-holm", DepartmentId = "borgerservice" },
            new NewUser("admin", "Administrator", [UserRole.Admin], Password("admin")),
            new NewUser(ThrottledUser, "Signe Bæk", [UserRole.Staff], Password(ThrottledUser)) { Extension = ThrottledUser, PersonId = "signe-baek" },
        ]);
        _clients[Role.Anonymous] = WebLogin.Anonymous(_server.WebPort);
        foreach (var (role, user) in new[] { (Role.Operator, "100"), (Role.Staff, "2001"), (Role.DepartmentHead, "2012"), (Role.Admin, "admin") })
        {
            _clients[role] = await WebLogin.LogInAsync(_server.WebPort, user, Password(user));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
