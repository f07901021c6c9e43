using Omstilling.Storage.Voicemail;
using Omstilling.Web.Voicemail;

namespace Omstilling.Web.Tests.Voicemail;

/// <summary>"Min telefonsvarer" in Danish and the addresses of its sound files.</summary>
public sealed class VoicemailTextTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(1.4, "0:01")]
    [InlineData(1.5, "0:02")]
    [InlineData(42, "0:42")]
    [InlineData(60, "1:00")]
    [InlineData(725, "12:05")]
    [InlineData(-3, "0:00")]
    public void Length_is_minutes_and_seconds(double seconds, string expected) =>
        Assert.Equal(expected, VoicemailText.Length(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Received_is_the_danish_date_and_clock_in_the_zone_summer_and_winter()
    {
        Assert.Equal("d. 4. december 2026 kl. 14.05", VoicemailText.Received(new DateTimeOffset(2026, 12, 4, 13, 5, 0, TimeSpan.Zero), Copenhagen));
        Assert.Equal("d. 1. juli 2026 kl. 00.30", VoicemailText.Received(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero), Copenhagen));
    }

    [Theory]
    [InlineData("20304050", "telefonsvarer-2026-12-04-1405-20304050.wav")]
    [InlineData("+45 20 30 40 50", "telefonsvarer-2026-12-04-1405-+4520304050.wav")]
    [InlineData("2010\"; x=../../y", "telefonsvarer-2026-12-04-1405-2010.wav")]
    [InlineData("", "telefonsvarer-2026-12-04-1405-ukendt.wav")]
    [InlineData(null, "telefonsvarer-2026-12-04-1405-ukendt.wav")]
    public void A_downloaded_message_is_named_by_its_local_time_and_the_callers_digits(string? caller, string expected) =>
        Assert.Equal(expected, VoicemailText.DownloadName(new DateTimeOffset(2026, 12, 4, 13, 5, 0, TimeSpan.Zero), caller, Copenhagen));

    [Fact]
    public void Sound_addresses_name_the_message_by_its_id_and_the_greeting_by_its_kind()
    {
        var id = Guid.Parse("0190f0c2-a0d9-7c3e-9f4a-1b2c3d4e5f60");
        Assert.Equal("/min-telefonsvarer/beskeder/0190f0c2a0d97c3e9f4a1b2c3d4e5f60.wav", VoicemailText.MessagePath(id));
        Assert.Equal("/min-telefonsvarer/beskeder/0190f0c2a0d97c3e9f4a1b2c3d4e5f60.wav?hent=1", VoicemailText.MessagePath(id, download: true));
        Assert.Equal("/min-telefonsvarer/hilsen/personal.wav", VoicemailText.GreetingPath(GreetingKind.Personal));
        Assert.Equal("/min-telefonsvarer/hilsen/absence.wav", VoicemailText.GreetingPath(GreetingKind.Absence));
    }

    [Fact]
    public void Every_greeting_kind_is_read_back_from_its_address_name_and_nothing_else_is()
    {
        foreach (var kind in Enum.GetValues<GreetingKind>())
        {
            Assert.True(VoicemailText.TryParseRouteName(VoicemailText.RouteName(kind), out var read));
            Assert.Equal(kind, read);
            Assert.NotEmpty(VoicemailText.GreetingTitle(kind));
            Assert.NotEmpty(VoicemailText.GreetingUse(kind));
        }

        Assert.False(VoicemailText.TryParseRouteName("Personal", out _));
        Assert.False(VoicemailText.TryParseRouteName("0", out _));
        Assert.False(VoicemailText.TryParseRouteName(null, out _));
    }

    [Fact]
    public void The_email_line_names_the_address_or_says_there_is_none()
    {
        Assert.Equal("Nye beskeder sendes som lydfil til anne@example.dk.", VoicemailText.EmailLine("anne@example.dk"));
        Assert.Equal("Du har ingen e-mailadresse i telefonbogen, så nye beskeder kan ikke sendes til dig.", VoicemailText.EmailLine(null));
        Assert.Equal(VoicemailText.EmailLine(null), VoicemailText.EmailLine(" "));
    }

    [Fact]
    public void A_refused_upload_is_told_in_danish()
    {
        Assert.Equal("Hilsenen er for kort (under et sekund).", VoicemailText.UploadRefused("Hilsenen er for kort (under et sekund)."));
        Assert.StartsWith("Filen kan ikke bruges som hilsen", VoicemailText.UploadRefused("den uploadede fil: not a WAV file (no RIFF/WAVE header)"), StringComparison.Ordinal);
        Assert.Equal("Filen er for stor: en hilsen må højst fylde 10 MB.", VoicemailText.TooLarge);
    }
}
