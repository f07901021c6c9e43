using Omstilling.Calls.Events;
using Omstilling.Calls.Queues;

namespace Omstilling.Calls.Tests.Queues;

public sealed class PhoneActivityTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Only_our_extensions_are_kept_so_citizens_numbers_leave_nothing_behind()
    {
        var activity = new PhoneActivity(number => number is "100" or "2001");
        var call = Guid.NewGuid();

        activity.OnEvent(new CallEvent(call, CallEventKind.Started, Start, "20304050", "54731000"));
        activity.OnEvent(new CallEvent(call, CallEventKind.Ringing, Start.AddSeconds(1), "20304050", "54731000") { Party = "+4512345678" });
        Assert.False(activity.IsRinging("+4512345678"), "a forward to a number outside rings no phone of ours");
        activity.OnEvent(new CallEvent(call, CallEventKind.Answered, Start.AddSeconds(5), "20304050", "54731000") { AnsweredBy = "100" });
        Assert.True(activity.IsBusy("100"));
        Assert.False(activity.IsBusy("20304050"));

        activity.OnEvent(new CallEvent(call, CallEventKind.Ended, Start.AddMinutes(2), "20304050", "54731000"));

        Assert.Equal(Start.AddMinutes(2), activity.FreeSince("100"));
        Assert.Equal(DateTimeOffset.MinValue, activity.FreeSince("20304050"));
    }

    [Fact]
    public void An_extension_calling_is_busy_from_the_start_of_its_call()
    {
        var activity = new PhoneActivity(number => number is "100" or "2001");
        var call = Guid.NewGuid();

        activity.OnEvent(new CallEvent(call, CallEventKind.Started, Start, "2001", "54731000"));

        Assert.Equal(PhoneState.Busy, activity.StateOf("2001"));
    }
}
