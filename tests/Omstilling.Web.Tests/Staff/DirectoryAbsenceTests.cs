using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Control;
using Omstilling.Directory;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Runtime;
using Omstilling.Web.Cards;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Tests.Staff;

/// <summary>The call engine's view of absence: from the directory (extension → person) and the absence book, in Copenhagen time.</summary>
public sealed class DirectoryAbsenceTests : IDisposable
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Tuesday 1 December 2026, 10.00 in Copenhagen (UTC+1).</summary>
    private static readonly DateTimeOffset Ten = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Ten);
    private readonly AbsenceBook _book;
    private readonly DirectoryAbsence _absence;
    private readonly string _recordings = System.IO.Directory.CreateTempSubdirectory("omstilling-names-").FullName;

    public DirectoryAbsenceTests()
    {
        _book = new AbsenceBook(_time);
        var directory = new DirectoryHolder(new StaffDirectory(
            [],
            [new Department("borgerservice", "Borgerservice")],
            [
                new Person("anne-soerensen", "Anne Sørensen", "borgerservice") { Extension = "2010" },
                new Person("bo-jensen", "Bo Jensen", "borgerservice") { Extension = "2011" },
            ]));

        // A recorded name replaces speech, so these tests need no espeak-ng.
        WavWriter.Write(Path.Combine(_recordings, DirectoryAbsence.NamePrompt("anne-soerensen") + ".wav"), new short[800]);
        _absence = new DirectoryAbsence(directory, _book, new PromptLibrary([_recordings]), Copenhagen, new FaultMonitor(NullLoggerFactory.Instance, _time), NullLogger<DirectoryAbsence>.Instance);
    }

    [Fact]
    public void A_time_keyed_on_the_phone_is_copenhagen_time_today()
    {
        Assert.Equal(PhoneAbsenceResult.Set, _absence.SetFromPhone("2010", 1, new TimeOnly(14, 0), Ten));

        var set = _book.Current("anne-soerensen", Ten);
        Assert.NotNull(set);
        Assert.Equal(AbsenceCode.Meeting, set.Code);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), set.Until);
        Assert.Equal("anne-soerensen", set.SetBy);
    }

    [Fact]
    public void In_summer_time_the_same_keys_mean_an_hour_earlier_in_utc()
    {
        var june = new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero); // 10.00 in Copenhagen (UTC+2)
        _time.SetUtcNow(june);

        Assert.Equal(PhoneAbsenceResult.Set, _absence.SetFromPhone("2010", 2, new TimeOnly(12, 30), june));

        Assert.Equal(new DateTimeOffset(2027, 6, 1, 10, 30, 0, TimeSpan.Zero), _book.Current("anne-soerensen", june)?.Until);
    }

    [Fact]
    public void Without_a_time_the_absence_lasts_until_cleared_and_hash_41_clears_it()
    {
        Assert.Equal(PhoneAbsenceResult.Set, _absence.SetFromPhone("2010", 3, null, Ten));
        Assert.Null(_book.Current("anne-soerensen", Ten)?.Until);
        Assert.Equal(AbsenceCode.Holiday, _book.Current("anne-soerensen", Ten)?.Code);

        Assert.Equal(PhoneAbsenceResult.Cleared, _absence.ClearFromPhone("2010", Ten));
        Assert.Null(_book.Current("anne-soerensen", Ten));
        Assert.Equal(PhoneAbsenceResult.NothingToClear, _absence.ClearFromPhone("2010", Ten));
    }

    [Fact]
    public void A_time_already_gone_an_unknown_code_and_an_extension_of_nobody_set_nothing()
    {
        Assert.Equal(PhoneAbsenceResult.TimePassed, _absence.SetFromPhone("2010", 1, new TimeOnly(9, 59), Ten));
        Assert.Equal(PhoneAbsenceResult.TimePassed, _absence.SetFromPhone("2010", 1, new TimeOnly(10, 0), Ten));
        Assert.Equal(PhoneAbsenceResult.UnknownCode, _absence.SetFromPhone("2010", 9, null, Ten));
        Assert.Equal(PhoneAbsenceResult.UnknownCode, _absence.SetFromPhone("2010", 0, null, Ten));
        Assert.Equal(PhoneAbsenceResult.NotAPerson, _absence.SetFromPhone("2099", 1, null, Ten));
        Assert.Equal(PhoneAbsenceResult.NotAPerson, _absence.ClearFromPhone("2099", Ten));

        Assert.Empty(_book.ActiveAbsences(Ten));
    }

    [Fact]
    public async Task Callers_hear_the_name_the_reason_and_the_local_time_back()
    {
        _absence.SetFromPhone("2010", 1, new TimeOnly(14, 0), Ten);
        await _absence.SpeakAbsentNamesAsync(Ten, CancellationToken.None);

        var greeting = _absence.GreetingFor("2010", Ten);

        Assert.Equal(new AbsenceGreeting("Anne Sørensen", "navn-anne-soerensen", "fravaer-moede", new DateTime(2026, 12, 1, 14, 0, 0), new DateOnly(2026, 12, 1)), greeting);
        Assert.Null(_absence.GreetingFor("2010", Ten.AddHours(4)));
        Assert.Null(_absence.GreetingFor("2011", Ten));
        Assert.Null(_absence.GreetingFor("2099", Ten));
    }

    [Fact]
    public void A_name_not_yet_spoken_is_left_out_and_illness_is_not_told()
    {
        _book.Set(new Absence("bo-jensen", AbsenceCode.Ill, "influenza", null, Ten, "100"));

        var greeting = _absence.GreetingFor("2011", Ten);

        Assert.NotNull(greeting);
        Assert.Null(greeting.NamePrompt); // no recording, and speech of it is made off this thread (or not at all without espeak-ng)
        Assert.Equal("kan-ikke-tage-telefonen", greeting.ReasonPrompt);
    }

    [Fact]
    public void Working_from_home_takes_calls()
    {
        Assert.Equal(PhoneAbsenceResult.Set, _absence.SetFromPhone("2010", 8, null, Ten));

        Assert.Equal(AbsenceCode.WorkingFromHome, _book.Current("anne-soerensen", Ten)?.Code);
        Assert.Null(_absence.GreetingFor("2010", Ten));
    }

    [Fact]
    public void Every_absence_code_has_its_own_phone_number_and_a_standard_prompt_callers_hear()
    {
        var codes = Enum.GetValues<AbsenceCode>();
        Assert.Equal(codes.Length, codes.Select(c => c.PhoneCode()).Distinct().Count());
        Assert.All(codes, c => Assert.True(AbsenceCodeText.TryFromPhoneCode(c.PhoneCode(), out var back) && back == c));
        var standard = StandardPrompts.Names.ToHashSet();
        Assert.All(codes, c => Assert.Contains(c.SpokenPrompt(), standard));
    }

    public void Dispose()
    {
        _absence.Dispose();
        _book.Dispose();
        System.IO.Directory.Delete(_recordings, recursive: true);
    }
}
