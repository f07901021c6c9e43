using Omstilling.Calls.Control;
using Omstilling.History.CallLists;
using Omstilling.History.Reports;
using Omstilling.Storage;
using Omstilling.Web;

namespace Omstilling.Host.Web;

/// <summary>What the web reads of the call history, and the engine's marks that go into it, added to the web's platform.</summary>
internal static class WebPlatformHistory
{
    public static WebPlatform WithHistory(this WebPlatform web, OmstillingDatabase database, IMisroutedMarks marks) => web with
    {
        Reports = new HistoryReports(database),
        PersonCalls = new PersonCalls(database, web.Time),
        SwitchboardCalls = new SwitchboardCalls(database, web.Time),
        Marks = marks,
    };
}
