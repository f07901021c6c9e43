using Omstilling.Directory.Text;

namespace Omstilling.Directory.Tests.Text;

/// <summary>Instants are written with their Copenhagen offset (+01:00 winter, +02:00 summer).</summary>
public sealed class DanishTimeTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Theory]
    [InlineData("2026-01-13T10:00+01:00", "2026-01-13T14:00+01:00", "kl. 14.00")]
    [InlineData("2026-01-13T10:00+01:00", "2026-01-13T10:05+01:00", "kl. 10.05")]
    [InlineData("2026-01-13T10:00+01:00", "2026-01-14T08:00+01:00", "i morgen kl. 08.00")]
    [InlineData("2026-01-13T23:30+01:00", "2026-01-14T00:15+01:00", "i morgen kl. 00.15")]
    [InlineData("2026-01-13T10:00+01:00", "2026-01-19T09:00+01:00", "mandag kl. 09.00")]
    [InlineData("2026-01-13T10:00+01:00", "2026-01-15T12:30+01:00", "torsdag kl. 12.30")]
    [InlineData("2026-01-13T10:00+01:00", "2026-01-20T08:00+01:00", "d. 20. januar kl. 08.00")]
    [InlineData("2026-12-01T10:00+01:00", "2026-12-24T08:00+01:00", "d. 24. december kl. 08.00")]
    [InlineData("2026-01-13T10:00+01:00", "2027-03-01T08:00+01:00", "d. 1. marts 2027 kl. 08.00")]
    public void Until_says_the_clock_today_tomorrow_the_weekday_or_the_date(string now, string until, string expected)
    {
        Assert.Equal(expected, DanishTime.Until(DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Copenhagen));
    }

    [Theory]
    [InlineData("2026-12-04T13:05:00Z", "fredag d. 4. december 2026 kl. 14.05")]
    [InlineData("2026-07-05T22:30:00Z", "mandag d. 6. juli 2026 kl. 00.30")]
    public void Full_says_weekday_date_with_year_and_clock_in_the_zone(string instant, string expected)
    {
        Assert.Equal(expected, DanishTime.Full(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), Copenhagen));
    }

    [Fact]
    public void Until_uses_the_summer_offset_after_the_spring_change()
    {
        // Saturday 28 March 2026 12:00 CET; clocks go 02:00 → 03:00 on Sunday 29 March.
        var now = new DateTimeOffset(2026, 3, 28, 11, 0, 0, TimeSpan.Zero);
        var sundayNineCest = new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero);
        var justAfterTheGap = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal("i morgen kl. 09.00", DanishTime.Until(sundayNineCest, now, Copenhagen));
        Assert.Equal("i morgen kl. 03.00", DanishTime.Until(justAfterTheGap, now, Copenhagen));
    }

    [Fact]
    public void Until_counts_days_on_the_calendar_across_the_25_hour_autumn_day()
    {
        // Sunday 25 October 2026 has 25 hours: 23:30 CEST Saturday to 23:30 CET Sunday is 25 hours, one day.
        var saturdayEvening = new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.FromHours(2));
        var sundayEvening = new DateTimeOffset(2026, 10, 25, 23, 30, 0, TimeSpan.FromHours(1));
        var mondayMorning = new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(25), sundayEvening - saturdayEvening);
        Assert.Equal("i morgen kl. 23.30", DanishTime.Until(sundayEvening, saturdayEvening, Copenhagen));
        Assert.Equal("mandag kl. 08.00", DanishTime.Until(mondayMorning, saturdayEvening, Copenhagen));
    }

    [Fact]
    public void The_repeated_hour_is_told_by_its_wall_clock()
    {
        // 02:30 happens twice on 25 October 2026: first at +02:00, then at +01:00.
        var now = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("kl. 02.30", DanishTime.Until(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), now, Copenhagen));
        Assert.Equal("kl. 02.30", DanishTime.Until(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(1)), now, Copenhagen));
    }

    [Fact]
    public void Clock_and_date_are_in_the_zone_not_in_UTC()
    {
        var instant = new DateTimeOffset(2026, 6, 30, 22, 15, 0, TimeSpan.Zero);

        Assert.Equal("kl. 00.15", DanishTime.Clock(instant, Copenhagen));
        Assert.Equal("d. 1. juli", DanishTime.Date(instant, Copenhagen));
        Assert.Equal("d. 1. juli 2026", DanishTime.Date(instant, Copenhagen, withYear: true));
    }
}
