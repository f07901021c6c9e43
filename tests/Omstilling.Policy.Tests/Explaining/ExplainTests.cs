using Omstilling.Policy.Explaining;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;
using static Omstilling.Policy.Tests.Guldborgsund;

namespace Omstilling.Policy.Tests.Explaining;

/// <summary>Explain: what a caller hears, in Danish by default and in English, with the deciding rule.</summary>
public sealed class ExplainTests
{
    [Fact]
    public void Christmas_Eve_evening_explains_the_closing_day_and_the_after_hours_menu_in_Danish()
    {
        var explanation = Bundled.Explain(MainNumber, Local("2026-12-24 19:00"));

        Assert.StartsWith(
            "Kl. 19:00 torsdag den 24. december 2026 ringer du til 54 73 10 00 (hovednummeret). Hovedomstillingen har lukket (juleaftensdag, 24. december, er lukkedag ifølge politikken; ",
            explanation.Summary,
            StringComparison.Ordinal);
        Assert.Equal(DecisionKind.Menu, explanation.Decision);
        Assert.Equal(RuleKind.OptionalClosingDay, explanation.Rule);
        Assert.EndsWith("guldborgsund.yaml:27:12", explanation.RuleSource, StringComparison.Ordinal);
        Assert.Contains(
            "Du hører: \"Du har ringet til Guldborgsund Kommune uden for telefontiden. Gælder det vagtordningen, så vælg mellem følgende. Tast 1 for Teknik og Miljø. Tast 2 for Redningsberedskabet. Tast 3 for Hjemmehjælp. Tast 4 for andre henvendelser.\"",
            explanation.Text,
            StringComparison.Ordinal);
        Assert.Contains("      Tast 5 (Snevagten):\n        Opkaldet viderestilles til 20 30 40 35 (eksempelnummer).", explanation.Text, StringComparison.Ordinal);
        Assert.Contains("Hjemmehjælp distrikt 1 har lukket (juleaftensdag, 24. december, er lukkedag ifølge politikken).", explanation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summer_night_says_Snevagten_is_not_offered_and_why()
    {
        var explanation = Bundled.Explain(MainNumber, Local("2026-07-14 23:00"));

        Assert.Contains(
            "Tast 5 (Snevagten) tilbydes ikke nu (kun i sæsonen vinter (Snevagten): 1. november-31. marts); tasten giver ugyldigt valg.",
            explanation.Text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Tast 5 for Snevagten", explanation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_working_day_explains_the_greeting_the_queue_and_the_overflow()
    {
        var explanation = Bundled.Explain(MainNumber, Local("2026-01-13 10:00"));

        Assert.Equal(
            """
            Kl. 10:00 tirsdag den 13. januar 2026 ringer du til 54 73 10 00 (hovednummeret). Hovedomstillingen har åbent (telefontid i dag: 08:00-15:00; config/guldborgsund.yaml:37:3).
            Du hører: "Guldborgsund Kommune - Goddag."
            Du stilles i kø til Hovedomstillingens kø; lokal 100, 101, 102 og 103 ringer, højst 4 ring = 20 sekunder ad gangen.
            Mens du venter, hører du: "Ventemusik."
            Du får at vide, hvilket nummer du er i køen ("du er nummer x i køen").
            Er alle optaget: menuen Automatisk omstilling.
            Har ingen svaret efter 10 minutter i køen: telefonsvarer: besked til Hovedomstillingen.
            """,
            explanation.Text.Replace(Path.Combine(AppContext.BaseDirectory, "config"), "config", StringComparison.Ordinal));
    }

    [Fact]
    public void English_is_the_other_language()
    {
        var explanation = Bundled.Explain(MainNumber, Local("2026-04-06 10:00"), ExplainLanguage.English);

        Assert.StartsWith(
            "At 10:00 on Monday 6 April 2026 you call 54 73 10 00 (the main number). Hovedomstillingen is closed (Easter Monday is a public holiday).",
            explanation.Summary,
            StringComparison.Ordinal);
        Assert.Contains("Key 1 (Teknik og Miljø):", explanation.Text, StringComparison.Ordinal);
        Assert.Equal(ExplainLanguage.English, explanation.Language);
    }

    [Fact]
    public void A_home_care_district_at_night_says_it_is_forwarded_to_the_night_phones()
    {
        var explanation = Bundled.Explain(District1, Local("2026-01-13 22:00"));

        Assert.Contains("54 73 20 41 (Hjemmehjælp distrikt 1, kun for samarbejdspartnere, eksempelnummer)", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("Hjemmehjælp distrikt 1 har lukket (telefontiden i dag er 07:00-15:30;", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("Telefonen ringer hos Hjemmeplejens aften- og nattevagt (lokal 2090 og 2091) i højst 4 ring = 20 sekunder.", explanation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_skipped_hour_is_said_and_moved_forward()
    {
        var explanation = Bundled.Explain(MainNumber, Local("2026-03-29 02:30"));

        Assert.Equal(LocalTimeKind.Skipped, explanation.TimeKind);
        Assert.StartsWith(
            "Kl. 02:30 søndag den 29. marts 2026 findes ikke: urene stilles frem over den time (sommertid begynder). Forklaringen gælder kl. 03:30 (+02:00).",
            explanation.Summary,
            StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), explanation.Instant);
    }

    [Fact]
    public void The_repeated_hour_states_which_offset_is_explained()
    {
        var explanation = Bundled.Explain(MainNumber, Local("2026-10-25 02:30"), ExplainLanguage.English);

        Assert.Equal(LocalTimeKind.Ambiguous, explanation.TimeKind);
        Assert.StartsWith(
            "At 02:30 on Sunday 25 October 2026 happens twice, because the clocks go back an hour (summer time ends). This explains the first, in summer time (+02:00); the second is +01:00.",
            explanation.Summary,
            StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(2), explanation.Instant.Offset);
    }

    [Fact]
    public void An_unknown_number_is_explained_as_not_in_the_plan()
    {
        var explanation = Bundled.Explain("12345678", Local("2026-01-13 10:00"));

        Assert.Equal(DecisionKind.NotFound, explanation.Decision);
        Assert.Equal("Kl. 10:00 tirsdag den 13. januar 2026: nummeret 12345678 findes ikke i politikkens nummerplan.", explanation.Summary);
    }

    [Fact]
    public void An_override_is_quoted_with_its_until_time_and_reason()
    {
        var closed = new ManualOverride(OverrideTargetKind.Switchboard, string.Empty, OverrideMode.ForceClosed)
        {
            Until = At("2026-01-13 13:00"),
            Reason = "personalemøde",
        };

        var explanation = Bundled.Explain(MainNumber, Local("2026-01-13 12:00"), state: new PolicyState([closed], true));

        Assert.Contains("Hovedomstillingen har lukket (manuelt lukket af en administrator indtil kl. 13:00 tirsdag den 13. januar 2026: personalemøde).", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_extension_is_explained_as_a_personal_phone()
    {
        var explanation = Bundled.Explain("2012", Local("2026-01-13 10:00"));

        Assert.StartsWith("Kl. 10:00 tirsdag den 13. januar 2026 ringer lokal 2012 (Camilla Holm, Borgerservice) direkte;", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("Er der optaget: opkaldet går til hovedomstillingen.", explanation.Text, StringComparison.Ordinal);
        Assert.Contains("Svarer ingen inden 4 ring: telefonsvarer: besked til lokal 2012 (Camilla Holm, Borgerservice).", explanation.Text, StringComparison.Ordinal);
    }
}
