using Omstilling.Calls.Control;
using Omstilling.Directory;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Web.Cards;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Tests.Staff;

/// <summary>The call engine's view of forwarding: from the directory (extension → person) and the forwarding book.</summary>
public sealed class DirectoryForwardingTests
{
    private static readonly DateTimeOffset Ten = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ForwardingBook _book = new();
    private readonly DirectoryForwarding _forwarding;

    public DirectoryForwardingTests()
    {
        var directory = new DirectoryHolder(new StaffDirectory(
            [],
            [new Department("borgerservice", "Borgerservice")],
            [new Person("birgitte-holst", "Birgitte Holst", "borgerservice") { Extension = "2001" }]));
        _forwarding = new DirectoryForwarding(directory, _book);
    }

    [Fact]
    public void A_code_from_the_phone_is_kept_for_the_person_on_its_own_condition()
    {
        Assert.Equal(PhoneForwardingResult.Set, _forwarding.SetFromPhone("2001", ForwardCondition.Busy, "2002", Ten));

        Assert.Equal(new Forwarding("birgitte-holst", ForwardingCondition.Busy, "2002", Ten, "birgitte-holst"), _book.Get("birgitte-holst", ForwardingCondition.Busy));
        Assert.Equal(new CallForwarding("Birgitte Holst", "2002"), _forwarding.ForwardingOf("2001", ForwardCondition.Busy));
        Assert.Null(_forwarding.ForwardingOf("2001", ForwardCondition.Always));
        Assert.Null(_forwarding.ForwardingOf("2002", ForwardCondition.Busy));
    }

    [Fact]
    public void Cancelling_says_whether_there_was_one_and_an_extension_of_nobody_is_refused()
    {
        _forwarding.SetFromPhone("2001", ForwardCondition.Always, "54731000", Ten);

        Assert.Equal(PhoneForwardingResult.Cleared, _forwarding.ClearFromPhone("2001", ForwardCondition.Always));
        Assert.Equal(PhoneForwardingResult.NothingToClear, _forwarding.ClearFromPhone("2001", ForwardCondition.Always));
        Assert.Equal(PhoneForwardingResult.NotAPerson, _forwarding.SetFromPhone("2099", ForwardCondition.Always, "2001", Ten));
        Assert.Equal(PhoneForwardingResult.NotAPerson, _forwarding.ClearFromPhone("2099", ForwardCondition.Always));
        Assert.Empty(_book.Of("birgitte-holst"));
    }

    [Fact]
    public void Every_engine_condition_is_a_directory_condition_of_the_same_name()
    {
        Assert.All(Enum.GetValues<ForwardCondition>(), c => Assert.Equal(c.ToString(), DirectoryForwarding.ToDirectory(c).ToString()));
        Assert.Equal(Enum.GetValues<ForwardCondition>().Length, Enum.GetValues<ForwardingCondition>().Length);
    }
}
