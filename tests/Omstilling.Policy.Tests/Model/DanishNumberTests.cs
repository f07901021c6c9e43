using Omstilling.Policy.Model;

namespace Omstilling.Policy.Tests.Model;

/// <summary>The one rule of what is the same number, as the policy, the dial plan, the directory and the console use it.</summary>
public sealed class DanishNumberTests
{
    [Theory]
    [InlineData("54731000")]
    [InlineData("54 73 10 00")]
    [InlineData("5473 1000")]
    [InlineData("54-73-10-00")]
    [InlineData("54.73.10.00")]
    [InlineData("+4554731000")]
    [InlineData("+45 54 73 10 00")]
    [InlineData("(+45) 54 73 10 00")]
    [InlineData("004554731000")]
    [InlineData("0045 54 73 10 00")]
    [InlineData(" 54 73 10 00 ")]
    public void Every_written_form_of_a_danish_number_is_the_same_number(string text)
    {
        Assert.True(DanishNumber.TryParse(text, out var number));

        Assert.Equal(DanishNumber.Parse("54731000"), number);
        Assert.Equal("54731000", number.National);
        Assert.Equal("+4554731000", number.E164);
        Assert.Equal("54 73 10 00", number.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("5473100")]
    [InlineData("547310001")]
    [InlineData("4554731000")]
    [InlineData("+455473100")]
    [InlineData("+4654731000")]
    [InlineData("+004554731000")]
    [InlineData("5473+1000")]
    [InlineData("++4554731000")]
    [InlineData("54 73 10 0O")]
    [InlineData("54/73/10/00")]
    [InlineData("2001")]
    [InlineData("+46 8 123 456 78")]
    public void Anything_else_is_not_a_danish_number(string text)
    {
        Assert.False(DanishNumber.TryParse(text, out var number));
        Assert.Equal(default, number);
        Assert.Equal("", number.National);
        Assert.Throws<FormatException>(() => DanishNumber.Parse(text));
    }

    [Fact]
    public void Null_is_no_number()
    {
        Assert.False(DanishNumber.TryParse((string?)null, out _));
    }

    [Theory]
    [InlineData("20", true)]
    [InlineData("2001", true)]
    [InlineData("100", true)]
    [InlineData("999999", true)]
    [InlineData("2", false)]
    [InlineData("0100", false)]
    [InlineData("1000000", false)]
    [InlineData("20 01", false)]
    [InlineData("54731000", false)]
    [InlineData("", false)]
    public void An_extension_is_two_to_six_digits_not_starting_with_zero(string text, bool expected)
    {
        Assert.Equal(expected, DanishNumber.IsExtension(text));
    }

    [Theory]
    [InlineData("+45 54 73 10 00", "54731000")]
    [InlineData("004554731000", "54731000")]
    [InlineData("2012", "2012")]
    [InlineData("20 12", "2012")]
    [InlineData("8000", "8000")]
    public void A_dialled_string_is_looked_up_by_its_national_digits_or_as_it_is(string dialled, string key)
    {
        Span<char> buffer = stackalloc char[DanishNumber.MaxDigits];

        Assert.True(DanishNumber.TryGetPlanKey(dialled, buffer, out var length));
        Assert.Equal(key, buffer[..length].ToString());
    }

    [Theory]
    [InlineData("+4681234567")]
    [InlineData("2012a")]
    [InlineData("")]
    [InlineData("123456789012345678901")]
    public void A_number_abroad_or_not_a_number_has_no_plan_key(string dialled)
    {
        Span<char> buffer = stackalloc char[DanishNumber.MaxDigits];

        Assert.False(DanishNumber.TryGetPlanKey(dialled, buffer, out _));
    }

    [Theory]
    [InlineData("20 30 40 50", "20304050")]
    [InlineData("+45 20 30 40 50", "20304050")]
    [InlineData("+46 8 123 456 78", "+46812345678")]
    [InlineData("+1 (202) 555-0100", "+12025550100")]
    public void An_external_number_is_danish_or_e164(string text, string expected)
    {
        Assert.True(DanishNumber.TryNormalizeExternal(text, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("+0812345678")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("2001")]
    [InlineData("812345678")]
    public void Other_external_numbers_are_refused(string text)
    {
        Assert.False(DanishNumber.TryNormalizeExternal(text, out _));
    }

    [Theory]
    [InlineData("54731000", "54 73 10 00")]
    [InlineData("+4554731000", "54 73 10 00")]
    [InlineData("004520304050", "20 30 40 50")]
    [InlineData("2002", "2002")]
    [InlineData("+46812345678", "+46812345678")]
    [InlineData("anonymous", "anonymous")]
    public void Staff_read_a_danish_number_in_pairs_and_anything_else_as_it_is(string number, string shown)
    {
        Assert.Equal(shown, DanishNumber.Display(number));
    }

    [Fact]
    public void The_default_is_no_number_and_writes_nothing()
    {
        Assert.Equal("", default(DanishNumber).ToString());
        Span<char> small = stackalloc char[4];
        Assert.False(DanishNumber.Parse("54731000").TryFormat(small, out var written, default, null));
        Assert.Equal(0, written);
    }
}
