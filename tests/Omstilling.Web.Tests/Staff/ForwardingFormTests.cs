using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Control;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Web.Console;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Tests.Staff;

/// <summary>The web page's forwarding form: the engine's rules decide, the page says why not in Danish, and only what passes is kept.</summary>
public sealed class ForwardingFormTests
{
    private static readonly Person Birgitte = new("birgitte-holst", "Birgitte Holst", "borgerservice") { Extension = "2001" };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ForwardingBook _book = new();
    private readonly ConsoleFeedback _feedback;
    private readonly ForwardingForm _form;

    public ForwardingFormTests()
    {
        _feedback = new ConsoleFeedback(_time);
        _form = new ForwardingForm(_book, new Rules(), _time, _feedback);
    }

    [Fact]
    public void A_number_the_rules_allow_is_kept_as_they_say_and_the_field_emptied()
    {
        _form.Numbers[ForwardingCondition.NoAnswer] = " 54731000 ";

        Assert.True(_form.Save(Birgitte, ForwardingCondition.NoAnswer, "2001"));

        Assert.Equal(new Forwarding("birgitte-holst", ForwardingCondition.NoAnswer, "54731000", _time.GetUtcNow(), "2001"), _book.Get("birgitte-holst", ForwardingCondition.NoAnswer));
        Assert.Equal("Dine opkald viderestilles ved intet svar til 54 73 10 00.", _feedback.Text);
        Assert.Null(_form.Numbers[ForwardingCondition.NoAnswer]);
    }

    [Theory]
    [InlineData("20304050", "Du må ikke viderestille til det nummer.")]
    [InlineData("0046812345678", "Din telefon må ikke ringe til numre i udlandet.")] // the engine's reason, as the guard words it
    [InlineData("2001", "Du kan ikke viderestille til dit eget nummer.")]
    [InlineData("12", "Nummeret findes ikke. Skriv et lokalnummer, et direkte nummer, en afdelings nummer eller hovednummeret.")]
    [InlineData("  ", "Skriv det nummer, dine opkald skal viderestilles til.")]
    public void A_number_the_rules_refuse_keeps_nothing_and_says_why(string number, string said)
    {
        _form.Numbers[ForwardingCondition.Always] = number;

        Assert.False(_form.Save(Birgitte, ForwardingCondition.Always, "2001"));

        Assert.Empty(_book.Of("birgitte-holst"));
        Assert.Equal(said, _feedback.Text);
        Assert.True(_feedback.Bad);
    }

    [Fact]
    public void Cancelling_says_whether_there_was_one()
    {
        _book.Set(new Forwarding("birgitte-holst", ForwardingCondition.Busy, "2002", _time.GetUtcNow(), "2001"));

        _form.Cancel(Birgitte, ForwardingCondition.Busy);
        Assert.Equal("Viderestillingen (ved optaget) er slået fra.", _feedback.Text);
        _form.Cancel(Birgitte, ForwardingCondition.Busy);
        Assert.Equal("Der er ingen viderestilling at slå fra.", _feedback.Text);
    }

    /// <summary>The engine's rules for these numbers (CallManager.CheckForwarding is tested with the engine).</summary>
    private sealed class Rules : IForwardingRules
    {
        public ForwardingTargetCheck Check(string extension, string number) => number switch
        {
            "54731000" => new(PhoneForwardingResult.Set, "54731000"),
            "20304050" => new(PhoneForwardingResult.NotAllowed, null),
            "0046812345678" => new(PhoneForwardingResult.NotAllowed, null) { Refusal = "Din telefon må ikke ringe til numre i udlandet." },
            _ when number == extension => new(PhoneForwardingResult.OwnNumber, null),
            _ => new(PhoneForwardingResult.UnknownTarget, null),
        };
    }
}
