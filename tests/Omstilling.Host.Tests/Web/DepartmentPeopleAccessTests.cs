using System.Net;

namespace Omstilling.Host.Tests.Web;

/// <summary>A department head sees their own department's people; staff without the role do not reach the page.</summary>
[Collection(WebAccessCollection.Name)]
public sealed class DepartmentPeopleAccessTests(WebAccessFixture fixture)
{
    [Fact]
    public async Task A_department_head_sees_the_people_of_their_own_department_only()
    {
        // The page is rendered on the server first: its first answer holds the list.
        var head = WebUtility.HtmlDecode(await fixture.Client(Role.DepartmentHead).GetStringAsync(new Uri("/afdelinger/medarbejdere", UriKind.Relative)));

        Assert.Contains("Anne Sørensen", head, StringComparison.Ordinal);
        Assert.Contains("Bo Jensen", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Andersen", head, StringComparison.Ordinal); // Jobcenter
        Assert.DoesNotContain("<option value=\"jobcenter\"", head, StringComparison.Ordinal);

        using var staff = await fixture.Client(Role.Staff).GetAsync(new Uri("/afdelinger/medarbejdere", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, staff.StatusCode);
    }
}
