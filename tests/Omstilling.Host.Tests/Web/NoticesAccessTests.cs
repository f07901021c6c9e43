using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Host.Tests.Web;

/// <summary>A department head sees their own department's notices; an administrator every department's.</summary>
[Collection(WebAccessCollection.Name)]
public sealed class NoticesAccessTests(WebAccessFixture fixture)
{
    [Fact]
    public async Task A_department_head_sees_the_notices_of_their_own_department_only()
    {
        var book = fixture.Server.App.Services.GetRequiredService<AbsenceBook>();
        var now = DateTimeOffset.UtcNow;
        book.Post(new DepartmentAbsence(Guid.NewGuid(), "borgerservice", now, now.AddHours(2), "Borgerservice er på kursus", "admin"));
        book.Post(new DepartmentAbsence(Guid.NewGuid(), "direktionen", now, now.AddHours(2), "Direktionen er til byrådsmøde", "admin"));

        // The page is rendered on the server first: its first answer holds the list.
        var head = WebUtility.HtmlDecode(await fixture.Client(Role.DepartmentHead).GetStringAsync(new Uri("/afdelinger", UriKind.Relative)));
        var admin = WebUtility.HtmlDecode(await fixture.Client(Role.Admin).GetStringAsync(new Uri("/afdelinger", UriKind.Relative)));

        Assert.Contains("Borgerservice er på kursus", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Direktionen er til byrådsmøde", head, StringComparison.Ordinal);
        Assert.Contains("Borgerservice er på kursus", admin, StringComparison.Ordinal);
        Assert.Contains("Direktionen er til byrådsmøde", admin, StringComparison.Ordinal);
    }
}
