using System.Net;
using Omstilling.Web.Auth;

namespace Omstilling.Host.Tests.Web;

/// <summary>The wallboard is the switchboard's: operators and administrators see it, staff are told they have no access.</summary>
[Collection(WebAccessCollection.Name)]
public sealed class WallboardAccessTests(WebAccessFixture fixture)
{
    [Fact]
    public async Task A_staff_member_who_opens_the_wallboard_is_sent_to_no_access_and_an_operator_sees_it()
    {
        using var staff = await fixture.Client(Role.Staff).GetAsync(new Uri("/tavle", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Contains(AccountEndpoints.NoAccessPath, staff.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        // The page is rendered on the server first: its first answer holds the board.
        var page = WebUtility.HtmlDecode(await fixture.Client(Role.Operator).GetStringAsync(new Uri("/tavle", UriKind.Relative)));
        Assert.Contains("Ventende opkald", page, StringComparison.Ordinal);
        Assert.Contains("Længste ventetid", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"topbar\"", page, StringComparison.Ordinal);
    }
}
