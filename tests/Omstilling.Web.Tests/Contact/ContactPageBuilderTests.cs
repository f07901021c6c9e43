using System.Text;
using Omstilling.Directory;
using Omstilling.Directory.Model;
using Omstilling.Policy.Model;
using Omstilling.Web.Contact;

namespace Omstilling.Web.Tests.Contact;

/// <summary>
/// The published contact page from the bundled policy and directory: the main number and the public
/// direct numbers with their hours as the policy decides them at a moment (an ordinary Tuesday,
/// Christmas Eve, Grundlovsdag, the DST change), the after-hours menu as offered then, and never a
/// number that is not marked public.
/// </summary>
public sealed class ContactPageBuilderTests
{
    private static ContactPage At(string local) => ContactPageBuilder.Build(Bundled.Policy, Bundled.Directory, Bundled.At(local));

    private static ContactUnit Department(ContactPage page, string id) =>
        page.Areas.SelectMany(a => a.Departments).Single(d => d.Id == id);

    [Fact]
    public void On_an_ordinary_tuesday_the_main_number_and_borgerservice_are_open_with_their_own_hours()
    {
        var page = At("2026-12-01 10:00");

        Assert.Equal("Guldborgsund Kommune", page.Organisation);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0), page.LocalTime);
        Assert.Equal(["54 73 10 00"], page.Main.Numbers.Select(n => n.Display));
        Assert.Equal("tel:+4554731000", page.Main.Numbers[0].Tel);
        var main = page.Main.Hours!;
        Assert.True(main.OpenNow);
        Assert.Equal("Åben nu – lukker kl. 15.00", main.Status);
        Assert.Equal((ContactDayKind.Regular, "08:00", "15:00"), (main.Today.Kind, main.Today.Spans[0].From, main.Today.Spans[0].To));
        Assert.Equal(
            [("Mandag–onsdag", "08.00–15.00"), ("Torsdag", "08.00–17.00"), ("Fredag", "08.00–13.00"), ("Lørdag–søndag", "Lukket")],
            ContactText.RegularLines(main.Regular));

        var area = page.Areas.Single(a => a.Departments.Any(d => d.Id == "borgerservice"));
        Assert.Equal("Borger og Arbejdsmarked", area.Name);
        var borgerservice = Department(page, "borgerservice");
        Assert.Equal(["54 73 20 10"], borgerservice.Numbers.Select(n => n.Display));
        Assert.Equal("Åben nu – lukker kl. 15.00", borgerservice.Hours!.Status);
        Assert.Equal("10.00–15.00", ContactText.Spans(borgerservice.Hours.Today.Spans));
        Assert.Equal(("Torsdag", "10.00–17.00"), ContactText.RegularLines(borgerservice.Hours.Regular)[1]);
    }

    [Fact]
    public void Before_opening_and_after_closing_the_status_says_when_it_opens_again()
    {
        Assert.Equal("Lukket nu – åbner kl. 10.00", Department(At("2026-12-01 09:15"), "borgerservice").Hours!.Status);
        Assert.Equal("Lukket nu – åbner i morgen kl. 08.00", At("2026-12-01 15:00").Main.Hours!.Status);
        Assert.Equal("Lukket nu – åbner mandag kl. 08.00", At("2026-12-05 11:00").Main.Hours!.Status);

        // Sunday of the change to summer time: Monday's opening is still "i morgen kl. 08.00".
        Assert.Equal("Lukket nu – åbner i morgen kl. 08.00", At("2026-03-29 12:00").Main.Hours!.Status);
    }

    [Fact]
    public void On_christmas_eve_everything_is_closed_and_the_page_says_why_and_when_it_opens()
    {
        var page = At("2026-12-24 10:00");

        var main = page.Main.Hours!;
        Assert.False(main.OpenNow);
        Assert.Equal("Lukket nu – åbner mandag kl. 08.00", main.Status);
        Assert.Equal((ContactDayKind.ClosingDay, "juleaftensdag", true), (main.Today.Kind, main.Today.Reason, main.Today.Closed));
        Assert.Equal(
            ["24-12 closingDay juleaftensdag", "25-12 holiday juledag", "26-12 holiday 2. juledag", "27-12 regular ", "28-12 regular ", "29-12 regular ", "30-12 regular "],
            main.Week.Select(d => $"{d.Date:dd-MM} {Kind(d.Kind)} {d.Reason}"));
        Assert.Equal("Lukket (Juleaftensdag)", ContactText.Spans(main.Today.Spans) + " (" + ContactText.DayReason(main.Today) + ")");
        Assert.False(Department(page, "borgerservice").Hours!.OpenNow);

        // The same clock on an ordinary Thursday: open, with Thursday's long hours.
        var thursday = At("2026-12-17 10:00").Main.Hours!;
        Assert.True(thursday.OpenNow);
        Assert.Equal("08.00–17.00", ContactText.Spans(thursday.Today.Spans));
    }

    [Fact]
    public void The_next_holidays_and_deviations_are_listed_soonest_first()
    {
        var deviations = At("2026-12-01 10:00").Main.Hours!.Deviations;

        Assert.Equal(ContactSchedule.MaxDeviations, deviations.Count);
        Assert.Equal(
            ["2026-12-24 juleaftensdag", "2026-12-25 juledag", "2026-12-26 2. juledag", "2026-12-31 nytårsaftensdag", "2027-01-01 nytårsdag", "2027-03-25 skærtorsdag"],
            deviations.Select(d => $"{d.Date:yyyy-MM-dd} {d.Reason}"));
        Assert.All(deviations, d => Assert.True(d.Closed));
    }

    [Fact]
    public void Grundlovsdag_is_a_half_day_for_each_unit_cut_from_its_own_hours()
    {
        var page = At("2026-06-05 11:00");

        var main = page.Main.Hours!;
        Assert.Equal((ContactDayKind.HalfDay, "grundlovsdag", "08.00–12.00"), (main.Today.Kind, main.Today.Reason, ContactText.Spans(main.Today.Spans)));
        Assert.Equal("Åben nu – lukker kl. 12.00", main.Status);
        Assert.Equal("10.00–12.00", ContactText.Spans(Department(page, "borgerservice").Hours!.Today.Spans));
        Assert.Equal("Kortere telefontid", ContactText.DayReason(main.Today with { Reason = null }));
    }

    [Fact]
    public void The_after_hours_menu_is_the_one_offered_now_with_snevagten_only_in_winter()
    {
        var winter = At("2026-12-24 10:00").AfterHours;

        Assert.True(winter.InForceNow);
        Assert.Equal("54 73 10 00", winter.Number.Display);
        Assert.StartsWith("Du har ringet til Guldborgsund Kommune uden for telefontiden", winter.Intro, StringComparison.Ordinal);
        Assert.Equal(["1 Teknik og Miljø", "2 Redningsberedskabet", "3 Hjemmehjælp", "4 andre henvendelser"], winter.Options.Select(o => $"{o.Key} {o.Label}"));
        Assert.Equal(["1 Vand og varme", "2 Kloakforsyning", "3 Fællesantenne", "4 EL", "5 Snevagten"], winter.Options[0].Options.Select(o => $"{o.Key} {o.Label}"));
        Assert.Equal(["distrikt 1", "distrikt 2", "distrikt 3", "distrikt 4"], winter.Options[2].Options.Select(o => o.Label));
        Assert.Contains("borger.dk", winter.Options[3].Message, StringComparison.Ordinal);

        var summer = At("2026-07-01 10:00").AfterHours;
        Assert.False(summer.InForceNow);
        Assert.DoesNotContain(summer.Options[0].Options, o => o.Label == "Snevagten");
    }

    [Fact]
    public void Only_numbers_marked_public_are_published_never_a_partners_number_an_extension_or_a_mobile()
    {
        var page = At("2026-12-01 10:00");
        var json = Encoding.UTF8.GetString(ContactJson.Bytes(page));
        var published = page.Areas.SelectMany(a => a.Departments).Prepend(page.Main)
            .SelectMany(u => u.Numbers.Concat(u.People.SelectMany(p => p.Numbers))).Select(n => n.Number).ToList();

        Assert.All(published, n => Assert.Matches("^[0-9]{8}$", n));
        Assert.All(published, n => Assert.Equal(NumberVisibility.Public, Bundled.Policy.TryFindNumber(n, out var planned) ? planned.Visibility : NumberVisibility.Public));
        var hidden = Bundled.Policy.Numbers.Values.Where(n => n.Visibility != NumberVisibility.Public).Select(n => n.Number)
            .Concat(Bundled.Directory.Departments.Values.SelectMany(d => d.Numbers).Concat(Bundled.Directory.People.Values.SelectMany(p => p.DirectNumbers)).Where(n => n.IsPartnersOnly).Select(n => n.Number))
            .Concat(Bundled.Directory.People.Values.Select(p => p.Mobile).OfType<string>())
            .Distinct().ToList();
        Assert.Contains("54732030", hidden); // Visitationsenhed psykiatri: partners only
        Assert.Contains("54732041", hidden); // Hjemmehjælp distrikt 1: partners only
        foreach (var number in hidden.Where(n => n.Length == 8))
        {
            Assert.DoesNotContain(number, json, StringComparison.Ordinal);
            Assert.DoesNotContain(Omstilling.Policy.Model.DanishNumber.Display(number), json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(page.Areas.SelectMany(a => a.Departments), d => d.Id.StartsWith("hjemmehjaelp-distrikt", StringComparison.Ordinal));
        Assert.DoesNotContain("\"extension", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal); // no e-mail address

        // A person's public direct number is published with name and title only.
        var jens = Department(page, "teknik-og-miljoe").People.Single(p => p.Name == "Jens Hansen");
        Assert.Equal(("Vejingeniør", "54 73 20 55"), (jens.Title, jens.Numbers.Single().Display));
    }

    [Fact]
    public void The_policy_in_force_has_the_last_word_on_a_number_the_directory_calls_public()
    {
        // A directory still saying public for the policy's partners-only number (as between a policy reload and the directory's).
        var stale = new StaffDirectory(
            [],
            [new Omstilling.Directory.Model.Department("visitation-psykiatri", "Visitationsenhed psykiatri") { Numbers = [new DirectNumber("54 73 20 30", NumberVisibility.Public)] }],
            [new Omstilling.Directory.Model.Person("x", "Xenia Public", "visitation-psykiatri") { DirectNumbers = [new DirectNumber("54 73 20 31", NumberVisibility.Public), new DirectNumber("54 73 20 10", NumberVisibility.Public)] }]);

        var page = ContactPageBuilder.Build(Bundled.Policy, stale, Bundled.At("2026-12-01 10:00"));

        var json = Encoding.UTF8.GetString(ContactJson.Bytes(page));
        Assert.DoesNotContain("54732030", json, StringComparison.Ordinal);

        // Her own 54 73 20 31 is not in the policy's plan and marked public: published; Borgerservice's public number is public anywhere.
        var xenia = Department(page, "visitation-psykiatri").People.Single();
        Assert.Equal(["54732031", "54732010"], xenia.Numbers.Select(n => n.Number));
        Assert.Empty(Department(page, "visitation-psykiatri").Numbers);

        // Without the directory the policy's own public numbers are still published.
        var bare = ContactPageBuilder.Build(Bundled.Policy, StaffDirectory.Empty, Bundled.At("2026-12-01 10:00"));
        Assert.Equal(["borgerservice", "jobcenter", "teknik-og-miljoe"], bare.Areas.SelectMany(a => a.Departments).Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Jens Hansen", Department(bare, "teknik-og-miljoe").People.Single().Name);
    }

    [Fact]
    public void A_department_only_the_directory_knows_is_published_without_hours()
    {
        var oekonomi = Department(At("2026-12-01 10:00"), "oekonomi");

        Assert.Equal(["54 73 20 03"], oekonomi.Numbers.Select(n => n.Display));
        Assert.Null(oekonomi.Hours);
    }

    [Fact]
    public void The_feed_has_english_camel_case_names_and_the_same_content_as_the_page_model()
    {
        var page = At("2026-12-24 10:00");
        var json = Encoding.UTF8.GetString(ContactJson.Bytes(page));

        foreach (var name in new[] { "organisation", "generatedAt", "localTime", "timeZone", "main", "numbers", "display", "tel", "hours", "openNow", "status", "today", "week", "regular", "deviations", "spans", "from", "to", "kind", "reason", "closed", "afterHours", "inForceNow", "intro", "options", "key", "label", "message", "areas", "departments", "people", "title" })
        {
            Assert.Contains($"\"{name}\":", json, StringComparison.Ordinal);
        }

        Assert.Contains("\"kind\": \"closingDay\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2026-12-24\"", json, StringComparison.Ordinal);
        Assert.Contains("\"generatedAt\": \"2026-12-24T09:00:00+00:00\"", json, StringComparison.Ordinal);

        // Within the minute the content is the same (the ETag holds); the minute is what the hours are counted in.
        var later = ContactPageBuilder.Build(Bundled.Policy, Bundled.Directory, Bundled.At("2026-12-24 10:00").AddSeconds(42));
        Assert.Equal(json, Encoding.UTF8.GetString(ContactJson.Bytes(later)));
    }

    private static string Kind(ContactDayKind kind) => kind switch
    {
        ContactDayKind.Regular => "regular",
        ContactDayKind.Holiday => "holiday",
        ContactDayKind.ClosingDay => "closingDay",
        ContactDayKind.HalfDay => "halfDay",
        ContactDayKind.Exception => "exception",
        ContactDayKind.AlwaysOpen => "alwaysOpen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
