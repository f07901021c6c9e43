using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Tests.Schedule;

/// <summary>Easter by the Gregorian computus and the days that follow from it, against published dates.</summary>
public sealed class DanishHolidaysTests
{
    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_matches_the_published_date(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DanishHolidays.EasterSunday(year));
    }

    [Fact]
    public void The_public_holidays_of_2026()
    {
        var expected = new (string, DanishDay)[]
        {
            ("2026-01-01", DanishDay.NewYearsDay),
            ("2026-04-02", DanishDay.MaundyThursday),
            ("2026-04-03", DanishDay.GoodFriday),
            ("2026-04-05", DanishDay.EasterSunday),
            ("2026-04-06", DanishDay.EasterMonday),
            ("2026-05-14", DanishDay.AscensionDay),
            ("2026-05-24", DanishDay.WhitSunday),
            ("2026-05-25", DanishDay.WhitMonday),
            ("2026-12-25", DanishDay.ChristmasDay),
            ("2026-12-26", DanishDay.BoxingDay),
        };

        Assert.Equal(expected.Select(e => (DateOnly.Parse(e.Item1, System.Globalization.CultureInfo.InvariantCulture), e.Item2)), DanishHolidays.PublicHolidays(2026));
    }

    [Theory]
    [InlineData(2019, "2019-05-17")]
    [InlineData(2022, "2022-05-13")]
    [InlineData(2023, "2023-05-05")]
    public void Store_Bededag_is_a_holiday_up_to_2023(int year, string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DanishDay.GreatPrayerDay, DanishHolidays.Identify(day));
        Assert.Contains((day, DanishDay.GreatPrayerDay), DanishHolidays.PublicHolidays(year));
    }

    [Theory]
    [InlineData(2024, "2024-04-26")]
    [InlineData(2025, "2025-05-16")]
    [InlineData(2026, "2026-05-01")]
    public void Store_Bededag_is_gone_from_2024(int year, string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotEqual(DanishDay.GreatPrayerDay, DanishHolidays.Identify(day));
        Assert.DoesNotContain(DanishHolidays.PublicHolidays(year), h => h.Day == DanishDay.GreatPrayerDay);
        Assert.Equal(10, DanishHolidays.PublicHolidays(year).Length);
    }

    [Theory]
    [InlineData("2025-04-17", DanishDay.MaundyThursday)]
    [InlineData("2025-05-29", DanishDay.AscensionDay)]
    [InlineData("2025-05-30", DanishDay.DayAfterAscension)]
    [InlineData("2025-06-09", DanishDay.WhitMonday)]
    [InlineData("2027-03-25", DanishDay.MaundyThursday)]
    [InlineData("2027-05-06", DanishDay.AscensionDay)]
    [InlineData("2027-05-17", DanishDay.WhitMonday)]
    [InlineData("2026-05-01", DanishDay.LabourDay)]
    [InlineData("2026-06-05", DanishDay.ConstitutionDay)]
    [InlineData("2026-12-24", DanishDay.ChristmasEve)]
    [InlineData("2026-12-31", DanishDay.NewYearsEve)]
    [InlineData("2026-07-14", DanishDay.None)]
    public void Named_days_are_identified(string date, DanishDay expected)
    {
        Assert.Equal(expected, DanishHolidays.Identify(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void When_5_June_is_2_pinsedag_the_holiday_wins()
    {
        // 2033: Easter 17 April, so 2. pinsedag is 6 June; 2022: Easter 17 April, pinsedag 5 June.
        Assert.Equal(DanishDay.WhitSunday, DanishHolidays.Identify(new DateOnly(2022, 6, 5)));
    }

    [Fact]
    public void Optional_days_are_not_public_holidays_and_dates_of_named_days_round_trip()
    {
        foreach (var day in Enum.GetValues<DanishDay>().Where(d => d != DanishDay.None))
        {
            var date = DanishHolidays.DateOf(day, 2023);
            Assert.Equal(day, DanishHolidays.Identify(date));
        }

        Assert.False(DanishHolidays.IsPublicHoliday(DanishDay.ChristmasEve));
        Assert.False(DanishHolidays.IsPublicHoliday(DanishDay.LabourDay));
        Assert.True(DanishHolidays.IsPublicHoliday(DanishDay.WhitMonday));
    }

    [Fact]
    public void The_calendar_closes_only_the_optional_days_a_policy_chooses()
    {
        var calendar = new HolidayCalendar(true, System.Collections.Immutable.ImmutableDictionary<DanishDay, SourceLocation>.Empty.Add(DanishDay.ChristmasEve, default), []);

        Assert.Equal(DayKind.OptionalClosingDay, calendar.Classify(new DateOnly(2026, 12, 24)).Kind);
        Assert.Equal(DayKind.WorkingDay, calendar.Classify(new DateOnly(2026, 12, 31)).Kind);
        Assert.Equal(DanishDay.NewYearsEve, calendar.Classify(new DateOnly(2026, 12, 31)).Day);
        Assert.Equal(DayKind.PublicHoliday, calendar.Classify(new DateOnly(2026, 12, 25)).Kind);
    }
}
