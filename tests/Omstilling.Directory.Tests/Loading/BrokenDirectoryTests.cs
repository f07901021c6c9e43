using Omstilling.Directory.Loading;
using Omstilling.Policy;

namespace Omstilling.Directory.Tests.Loading;

/// <summary>
/// Broken directory files (BrokenDirectories/*.yaml): every problem is reported as
/// file:line:column with what is wrong and what is expected, exactly as printed.
/// </summary>
public sealed class BrokenDirectoryTests
{
    /// <summary>Reads the file from the repository but names it as the test folder does.</summary>
    private static DirectoryLoadResult Load(string name, TelephonePolicy? policy = null) =>
        DirectoryLoader.Load(
            File.ReadAllText(Path.Combine(Repository.Root, "tests", "Omstilling.Directory.Tests", "BrokenDirectories", name + ".yaml")),
            $"BrokenDirectories/{name}.yaml",
            policy);

    private static void AssertRejected(string name, TelephonePolicy? policy, params string[] expected)
    {
        var result = Load(name, policy);

        Assert.False(result.Succeeded);
        Assert.Null(result.File);
        Assert.Equal(expected, result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Unknown_keys_and_wrong_shapes_are_reported_with_what_is_expected()
    {
        AssertRejected(
            "bad-structure",
            null,
            "BrokenDirectories/bad-structure.yaml:2:1: error: unknown key 'organisation' in the directory; expected one of: areas, departments, people",
            "BrokenDirectories/bad-structure.yaml:4:11: error: area 'borger' must be a mapping; expected { name: ... }",
            "BrokenDirectories/bad-structure.yaml:8:13: error: a topic of department 'borgerservice' must be a word or phrase; expected a list such as [pas, kørekort]",
            "BrokenDirectories/bad-structure.yaml:9:5: error: unknown key 'phone' in department 'borgerservice'; expected one of: name, area, topics, email, direct",
            "BrokenDirectories/bad-structure.yaml:10:14: error: department 'jobcenter' must be a mapping; expected name, area, topics, email, direct",
            "BrokenDirectories/bad-structure.yaml:14:5: error: unknown key 'extention' in person 'Anne Sørensen'; expected one of: id, name, title, department, extension, email, mobile, direct, topics, covered-by, calendar, class-of-service",
            "BrokenDirectories/bad-structure.yaml:15:5: error: a person has no 'name'; expected the person's full name",
            "BrokenDirectories/bad-structure.yaml:17:5: error: a person must be a mapping, not a text; expected name, department, extension, ...");
    }

    [Fact]
    public void A_calendar_with_a_wrong_url_address_key_or_shape_is_reported_at_the_value()
    {
        AssertRejected(
            "bad-calendar",
            null,
            "BrokenDirectories/bad-calendar.yaml:6:22: error: 'ftp://kalender.example/anne.ics' in the calendar of person 'Anne Sørensen' is not an http(s) URL; expected https://... or a file path",
            "BrokenDirectories/bad-calendar.yaml:6:71: error: 'anne(at)guldborgsund.dk' in the calendar of person 'Anne Sørensen' is not an e-mail address; expected e.g. navn@guldborgsund.dk",
            "BrokenDirectories/bad-calendar.yaml:9:15: error: the calendar of person 'Bo Jensen' names no source; expected { ics: <an http(s) URL or a file path> } and/or { microsoft365: <the mailbox's address> }",
            "BrokenDirectories/bad-calendar.yaml:9:17: error: unknown key 'outlook' in the calendar of person 'Bo Jensen'; expected one of: ics, microsoft365",
            "BrokenDirectories/bad-calendar.yaml:12:15: error: 'calendar' in person 'Carla Holm' must be a mapping, not a text; expected { ics: <an http(s) URL or a file path> } and/or { microsoft365: <the mailbox's address> }");
    }

    [Fact]
    public void Malformed_ids_extensions_numbers_and_addresses_point_at_the_value()
    {
        AssertRejected(
            "bad-values",
            null,
            "BrokenDirectories/bad-values.yaml:5:12: error: 'borgerservice(at)kommune.dk' in department 'borgerservice' is not an e-mail address; expected e.g. navn@guldborgsund.dk",
            "BrokenDirectories/bad-values.yaml:7:9: error: 'Anne' is not a valid person id; expected lower-case letters, digits and '-' (e.g. anne-soerensen)",
            "BrokenDirectories/bad-values.yaml:10:16: error: '0101' is not an extension; expected 2 to 6 digits not starting with 0, such as 2010",
            "BrokenDirectories/bad-values.yaml:11:13: error: '20 30 40' is not a Danish phone number; expected 8 digits such as 54 73 20 10",
            "BrokenDirectories/bad-values.yaml:12:23: error: '5473 211' is not a Danish phone number; expected 8 digits such as 54 73 20 10",
            "BrokenDirectories/bad-values.yaml:18:44: error: visibility 'secret' is not known; expected public or partners",
            "BrokenDirectories/bad-values.yaml:19:18: error: 'Anne Sørensen' is not a valid person id in covered-by; expected lower-case letters, digits and '-' (e.g. anne-soerensen)");
    }

    [Fact]
    public void The_rules_a_department_head_can_break_on_the_web_are_worded_in_Danish_too_and_the_rest_are_left_to_IT()
    {
        var values = Load("bad-values");
        var references = Load("bad-references");

        Assert.Equal(
            [
                "borgerservice(at)kommune.dk er ikke en gyldig e-mailadresse. Skriv den som fx navn@guldborgsund.dk.",
                null, // an id: IT's
                null, // an extension: IT's
                "20 30 40 er ikke et dansk telefonnummer. Skriv de 8 cifre, fx 20 30 40 50.", // a mobile
                null, // a direct number: IT's
                null,
                null,
            ],
            values.Diagnostics.Select(d => d.Danish));
        Assert.Equal(
            [
                null,
                null,
                "Anne Sørensen kan ikke dække for sig selv. Vælg kolleger.",
                null,
                "Den kollega, der skal dække for Bo Jensen (camilla-holm), findes ikke længere i vidensdatabasen. Vælg en anden.",
            ],
            references.Diagnostics.Select(d => d.Danish));
    }

    [Fact]
    public void Duplicate_ids_extensions_and_numbers_name_the_first_use()
    {
        AssertRejected(
            "duplicates",
            null,
            "BrokenDirectories/duplicates.yaml:5:29: warning: topic 'Pas' of department 'borgerservice' repeats 'pas'; expected each topic once",
            "BrokenDirectories/duplicates.yaml:11:13: error: number 54 73 20 10 is already used at line 6 (Borgerservice); expected each direct number once",
            "BrokenDirectories/duplicates.yaml:12:11: error: person id 'soeren-hansen' (made from the name) is used twice (also at line 8); expected unique ids (give one of them an 'id')",
            "BrokenDirectories/duplicates.yaml:17:16: error: extension 2010 is already Søren Hansen's (line 10); expected each extension once",
            "BrokenDirectories/duplicates.yaml:18:28: warning: topic 'sundhedskort' of person 'Bo Jensen' is listed twice; expected each topic once");
    }

    [Fact]
    public void Unknown_areas_departments_and_colleagues_are_errors_in_a_file_on_its_own()
    {
        AssertRejected(
            "bad-references",
            null,
            "BrokenDirectories/bad-references.yaml:10:11: error: area 'teknik' of department 'byggesag' is not known; expected an area of this file: borger",
            "BrokenDirectories/bad-references.yaml:11:3: error: department 'jobcenter' has no 'name'; expected a name (or load the directory with the policy that defines 'jobcenter')",
            "BrokenDirectories/bad-references.yaml:16:29: error: person 'Anne Sørensen' is in their own covered-by; expected colleagues' ids",
            "BrokenDirectories/bad-references.yaml:18:17: error: department 'borgerservic' of person 'Bo Jensen' is not known; expected a department of this file: borgerservice, byggesag, jobcenter",
            "BrokenDirectories/bad-references.yaml:19:18: error: 'camilla-holm' in covered-by of person 'Bo Jensen' is not a person; expected the id of a person in this file");
    }

    [Fact]
    public void Against_the_policy_numbers_areas_and_extensions_must_agree_with_it()
    {
        // camilla-holm and jens-hansen are the policy's people: covering by them is fine.
        AssertRejected(
            "against-policy",
            Repository.Policy,
            "BrokenDirectories/against-policy.yaml:4:11: error: department 'borgerservice' is in area 'borger-og-arbejdsmarked' in the policy; expected that area or no 'area'",
            "BrokenDirectories/against-policy.yaml:5:13: error: number 54 73 20 20 belongs to Jobcenter in the policy's number plan; expected a number of Borgerservice's own",
            "BrokenDirectories/against-policy.yaml:6:3: error: department 'byggesag' is not in the policy and has no 'name'; expected a name for the new department",
            "BrokenDirectories/against-policy.yaml:15:16: warning: extension 2011 is Bo Jensen's in the policy, but 'Bodil Jensen' here; expected the same person, or the policy updated",
            "BrokenDirectories/against-policy.yaml:18:16: warning: extension 2020 rings for Jobcenter in the policy, but person 'Maria Andersen' is in 'borgerservice'; expected department: jobcenter",
            "BrokenDirectories/against-policy.yaml:21:16: warning: extension 103 rings for Hovedomstillingen in the policy, but person 'Kurt Høyer' is in 'jobcenter'; expected department: switchboard",
            "BrokenDirectories/against-policy.yaml:22:13: error: number 54 73 20 55 belongs to Jens Hansen in the policy's number plan; expected a number of Kurt Høyer's own",
            "BrokenDirectories/against-policy.yaml:24:17: error: department 'loen' of person 'Ole Bøgh' is not known; expected a department of this file or the policy: aften-og-nattevagt, borgerservice, byggesag, hjemmehjaelp-distrikt-1, hjemmehjaelp-distrikt-2, hjemmehjaelp-distrikt-3, hjemmehjaelp-distrikt-4, jobcenter, switchboard, teknik-og-miljoe, visitation-aeldre, visitation-psykiatri");
    }

    [Fact]
    public void A_misindented_key_is_a_YAML_syntax_error_at_its_position()
    {
        AssertRejected(
            "bad-syntax",
            null,
            "BrokenDirectories/bad-syntax.yaml:5:4: error: YAML syntax: While parsing a block collection, did not find expected '-' indicator.");
    }

    [Fact]
    public void An_unclosed_list_is_reported_where_the_parser_gave_up()
    {
        AssertRejected(
            "unclosed-list",
            null,
            "BrokenDirectories/unclosed-list.yaml:6:1: error: YAML syntax: a list '[' or mapping '{' is not closed; expected ']' or '}' before this line");
    }
}
