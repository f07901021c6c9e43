using Microsoft.EntityFrameworkCore;
using Omstilling.Host.Tests.Support;
using Omstilling.Storage;

namespace Omstilling.Host.Tests.History;

/// <summary>A real call over SIP ends up in the server's own database: its events in order and its record.</summary>
public sealed class CallHistoryTests
{
    [Fact]
    public async Task A_call_between_two_phones_is_written_to_the_history_with_its_record_and_whom_it_concerned()
    {
        await using var server = await ServerProcess.StartAsync();
        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync("2041", server.SipPort, calleePort);
        var callee = Sipp.RunAsync("uas_answer.xml", server.SipPort, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, TimeSpan.FromSeconds(10)), "the callee's SIPp did not start");
        var caller = await Sipp.RunAsync("uac_call_bye.xml", server.SipPort, FreePort.Next(), ("username", "2040"), ("password", "demo2040"), ("callee", "2041"));
        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        Assert.True((await callee).ExitCode == 0);

        Assert.True(
            await server.WaitForStatusAsync(s => s.GetProperty("history").GetProperty("records").GetInt64() >= 1, TimeSpan.FromSeconds(10)),
            $"no call record was written: {(await server.StatusAsync()).GetProperty("history")}");
        var history = (await server.StatusAsync()).GetProperty("history");
        Assert.Equal((0, 0), (history.GetProperty("dropped").GetInt64(), history.GetProperty("lost").GetInt64()));

        var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(server.DataDirectory));
        await using var db = database.CreateContext();
        var record = await db.CallRecords.Include(r => r.Rings).SingleAsync();
        Assert.Equal(("2040", "2041", "2041", "CallerHungUp", false), (record.Caller, record.Dialled, record.AnsweredBy, record.EndReason, record.Abandoned));
        Assert.Equal(("lene-kofoed", "hjemmehjaelp-distrikt-1"), (record.PersonId, record.DepartmentId));
        Assert.NotNull(record.AnsweredAt);
        Assert.True(record.AnsweredAt >= record.ArrivedAt && record.EndedAt >= record.AnsweredAt);
        var ring = Assert.Single(record.Rings);
        Assert.Equal(("2041", "Answered"), (ring.Party, ring.Outcome));

        var kinds = await db.CallEvents.Where(e => e.CallId == record.CallId).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
        Assert.Equal("Started", kinds[0]);
        Assert.Equal("Ended", kinds[^1]);
        Assert.Contains("Answered", kinds);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
