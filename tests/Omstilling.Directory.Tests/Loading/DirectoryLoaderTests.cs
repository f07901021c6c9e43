using Omstilling.Directory.Loading;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Directory.Tests.Loading;

public sealed class DirectoryLoaderTests
{
    private const string Small = """
        areas:
          teknik: { name: Teknik og Miljø }
        departments:
          byggesag:
            name: Byggesagsbehandling
            area: teknik
            topics: [byggetilladelse, carport]
            email: byggesag@kommune.example
            direct: { number: 54 73 20 55, visibility: public }
        people:
          - name: Søren Hansen
            title: Byggesagsbehandler
            department: byggesag
            extension: 2013
            email: soeren.hansen@kommune.example
            mobile: 20 30 40 50
            direct:
              - 54 73 21 13
              - { number: 54 73 31 13, visibility: partners }
            topics: [carport, tilbygning]
            covered-by: [kim]
          - id: kim
            name: Kim Jensen
            department: byggesag
        """;

    [Fact]
    public void A_file_on_its_own_loads_into_its_entries()
    {
        var result = DirectoryLoader.Load(Small, "small.yaml");

        Assert.True(result.Succeeded, result.Report());
        Assert.Empty(result.Diagnostics);
        Assert.Equal("small.yaml", result.File.SourceFile);
        Assert.Equal("Teknik og Miljø", Assert.Single(result.File.Areas).Name);
        var department = Assert.Single(result.File.Departments);
        Assert.Equal(("Byggesagsbehandling", "teknik", "byggesag@kommune.example"), (department.Name, department.AreaId, department.Email));
        Assert.Equal(["byggetilladelse", "carport"], department.Topics.AsEnumerable());

        var soeren = result.File.People[0];
        Assert.Equal("soeren-hansen", soeren.Id);
        Assert.Equal(("Byggesagsbehandler", "2013", "20304050"), (soeren.Title, soeren.Extension, soeren.Mobile));
        Assert.Equal(["54 73 21 13", "54 73 31 13"], soeren.DirectNumbers.Select(n => n.Display));
        Assert.Equal([NumberVisibility.Public, NumberVisibility.PartnersOnly], soeren.DirectNumbers.Select(n => n.Visibility));
        Assert.Equal(["kim"], soeren.CoveredBy.AsEnumerable());
        Assert.Null(result.File.People[1].Extension);
    }

    [Fact]
    public void A_file_on_its_own_makes_a_directory()
    {
        var directory = StaffDirectory.FromFile(DirectoryLoader.Load(Small, "small.yaml").File!);

        Assert.Equal("Kim Jensen", directory.Colleagues("soeren-hansen").Single().Name);
        Assert.Equal("soeren-hansen", directory.Search("tilbygning")[0].Id);
    }

    [Theory]
    [InlineData("", "empty.yaml:1:1: error: the file is empty; expected areas, departments and people")]
    [InlineData("# only a comment\n", "empty.yaml:1:1: error: the file is empty; expected areas, departments and people")]
    [InlineData("- a\n- b\n", "empty.yaml:1:1: error: the directory must be a mapping of keys; expected areas, departments and people")]
    [InlineData("people: []\n---\npeople: []\n", "empty.yaml:3:1: error: a second YAML document ('---'); expected one directory per file")]
    [InlineData("people:\n  name: Anne\n", "empty.yaml:2:3: error: 'people' in the directory must be a list of people, not a mapping; expected '- name: ...' items")]
    [InlineData("departments:\n  a: {}\n  a: {}\n", "empty.yaml:3:3: error: YAML syntax: Duplicate key a")]
    public void Files_that_are_not_a_directory_say_what_is_expected(string yaml, string expected)
    {
        var result = DirectoryLoader.Load(yaml, "empty.yaml");

        Assert.False(result.Succeeded);
        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void A_missing_file_is_one_diagnostic_not_an_exception()
    {
        var result = DirectoryLoader.LoadFile(Path.Combine(Repository.Root, "no-such-directory.yaml"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("cannot read the directory file", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_alone_do_not_reject_the_file()
    {
        var result = DirectoryLoader.Load("departments:\n  a:\n    name: A\n    topics: [pas, pas]\n", "warn.yaml");

        Assert.True(result.Succeeded);
        Assert.Single(result.Warnings);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_calendar_names_an_ics_file_beside_the_directory_a_feed_or_a_microsoft_365_mailbox()
    {
        const string yaml = """
            departments:
              byggesag: { name: Byggesagsbehandling }
            people:
              - name: Søren Hansen
                department: byggesag
                calendar: { ics: kalendere/soeren.ics }
              - name: Kim Jensen
                department: byggesag
                calendar: { ics: "https://kalender.example/kim.ics?token=x", microsoft365: kim.jensen@kommune.example }
            """;
        var file = Path.Combine(Path.GetTempPath(), "omstilling", "directory.yaml");

        var result = DirectoryLoader.Load(yaml, file);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var people = result.File!.People;
        Assert.Equal(new Model.CalendarSource(Path.Combine(Path.GetTempPath(), "omstilling", "kalendere", "soeren.ics"), null), people[0].Calendar);
        Assert.False(people[0].Calendar!.IcsIsUrl);
        Assert.Equal(new Model.CalendarSource("https://kalender.example/kim.ics?token=x", "kim.jensen@kommune.example"), people[1].Calendar);
        Assert.True(people[1].Calendar!.IcsIsUrl);
    }
}
