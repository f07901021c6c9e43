using Omstilling.Policy.Loading;

namespace Omstilling.Policy.Tests.Loading;

/// <summary>
/// Broken policy files (BrokenPolicies/*.yaml): every problem is reported as
/// file:line:column with what is wrong and what is expected, exactly as printed.
/// </summary>
public sealed class BrokenPolicyTests
{
    /// <summary>Loads the copy next to the test assembly but names it as the repository does.</summary>
    private static PolicyLoadResult Load(string name) =>
        PolicyLoader.Load(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BrokenPolicies", name + ".yaml")),
            $"BrokenPolicies/{name}.yaml");

    private static void AssertRejected(string name, params string[] expected)
    {
        var result = Load(name);

        Assert.False(result.Succeeded);
        Assert.Null(result.Policy);
        Assert.Equal(expected, result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_misindented_key_is_a_YAML_syntax_error_at_its_position()
    {
        AssertRejected(
            "bad-indentation",
            "BrokenPolicies/bad-indentation.yaml:5:13: error: YAML syntax: While scanning a plain scalar value, found invalid mapping.");
    }

    [Fact]
    public void Wrong_types_unknown_zones_and_bad_actions_are_reported()
    {
        AssertRejected(
            "bad-structure",
            "BrokenPolicies/bad-structure.yaml:2:12: error: unknown time zone 'Europe/Kobenhavn'; expected an IANA time zone such as Europe/Copenhagen",
            "BrokenPolicies/bad-structure.yaml:3:13: error: 'ring-limit' in the policy is 'many'; expected a whole number from 1 to 20",
            "BrokenPolicies/bad-structure.yaml:5:3: error: nobody answers the switchboard; expected extensions, people or a queue",
            "BrokenPolicies/bad-structure.yaml:6:14: error: 'operators' in the switchboard must be a list of extensions, not a text",
            "BrokenPolicies/bad-structure.yaml:8:11: error: 'vent' is not an action in busy of the switchboard; expected operator, back, hangup, or a mapping with one of: extension, department, queue, number, external, menu, message, voicemail, action",
            "BrokenPolicies/bad-structure.yaml:11:7: error: no-answer of the switchboard has both 'extension' and 'external'; expected one action",
            "BrokenPolicies/bad-structure.yaml:13:27: error: 'paaskedag' is a public holiday and always closed; expected an optional day: 1-maj, grundlovsdag, juleaftensdag, nytaarsaftensdag, fredag-efter-kristi-himmelfartsdag",
            "BrokenPolicies/bad-structure.yaml:13:38: error: 'lillejuleaften' is not an optional day; expected one of: 1-maj, grundlovsdag, juleaftensdag, nytaarsaftensdag, fredag-efter-kristi-himmelfartsdag");
    }

    [Fact]
    public void Bad_times_point_at_the_bad_part_of_the_value()
    {
        AssertRejected(
            "bad-times",
            "BrokenPolicies/bad-times.yaml:7:20: error: bad time '25:00' in hours of the policy; expected HH:MM from 00:00 to 24:00",
            "BrokenPolicies/bad-times.yaml:8:10: error: bad time '8' in hours of the policy; expected HH:MM from 00:00 to 23:59",
            "BrokenPolicies/bad-times.yaml:9:11: error: '15:00-09:00' in hours of the policy ends before it starts; expected the end after the start (use 24:00 for midnight)",
            "BrokenPolicies/bad-times.yaml:13:15: error: bad time '12.00' in hours of the policy; expected HH:MM from 00:00 to 23:59");
    }

    [Fact]
    public void Duplicate_numbers_and_extensions_name_the_first_use()
    {
        AssertRejected(
            "duplicate-numbers",
            "BrokenPolicies/duplicate-numbers.yaml:22:24: error: extension 101 is already used at line 7 (operator 101); expected each number and extension once",
            "BrokenPolicies/duplicate-numbers.yaml:25:19: error: number 54 73 10 00 is already used at line 6 (Hovedomstillingen); expected each number and extension once",
            "BrokenPolicies/duplicate-numbers.yaml:25:36: error: number 54 73 20 10 is already used at line 17 (Borgerservice); expected each number and extension once",
            "BrokenPolicies/duplicate-numbers.yaml:26:22: error: extension 2010 is already used at line 20 (Anne); expected each number and extension once");
    }

    [Fact]
    public void Malformed_numbers_and_extensions_are_reported()
    {
        AssertRejected(
            "malformed-numbers",
            "BrokenPolicies/malformed-numbers.yaml:6:11: error: '5473 100' is not a Danish phone number; expected 8 digits such as 54 73 10 00 (or +45 54 73 10 00)",
            "BrokenPolicies/malformed-numbers.yaml:7:20: error: '0101' is not an extension; expected 2 to 6 digits not starting with 0, such as 2001",
            "BrokenPolicies/malformed-numbers.yaml:7:26: error: '1234567' is not an extension; expected 2 to 6 digits not starting with 0, such as 2001",
            "BrokenPolicies/malformed-numbers.yaml:10:17: error: '12-34' is not a phone number; expected 8 digits such as 20 30 40 50, or + and a country code",
            "BrokenPolicies/malformed-numbers.yaml:18:21: error: '+46 8 123 456 78' is not a Danish phone number; expected 8 digits such as 54 73 10 00 (or +45 54 73 10 00)",
            "BrokenPolicies/malformed-numbers.yaml:19:25: error: visibility 'secret' is not known; expected public or partners");
    }

    [Fact]
    public void A_loop_of_menus_is_reported_where_it_closes()
    {
        AssertRejected(
            "menu-loop",
            "BrokenPolicies/menu-loop.yaml:29:15: error: menus loop: hoved → teknik → vand → hoved; expected menus to lead forward (use 'action: back' to return to the previous menu)");
    }

    [Fact]
    public void Overlapping_hours_are_reported()
    {
        AssertRejected(
            "overlapping-hours",
            "BrokenPolicies/overlapping-hours.yaml:7:23: error: '11:30-15:00' overlaps '08:00-12:00' in hours of the policy; expected spans that do not overlap",
            "BrokenPolicies/overlapping-hours.yaml:8:5: error: 'mon-fri' gives hours for mon again (already given at line 7) in hours of the policy; expected each weekday once",
            "BrokenPolicies/overlapping-hours.yaml:12:13: error: hours of the policy has two exceptions for 2026-12-23 (the other at line 10); expected one per date");
    }

    [Fact]
    public void An_unclosed_quote_is_a_YAML_syntax_error_at_its_position()
    {
        AssertRejected(
            "syntax-error",
            "BrokenPolicies/syntax-error.yaml:4:11: error: YAML syntax: While scanning a multi-line double-quoted scalar, found wrong indentation.");
    }

    [Fact]
    public void Transfers_to_nothing_are_reported_with_what_exists()
    {
        AssertRejected(
            "transfers-to-nothing",
            "BrokenPolicies/transfers-to-nothing.yaml:8:10: error: the switchboard uses queue 'omstilling', which is not in 'queues'; expected one of: (none defined)",
            "BrokenPolicies/transfers-to-nothing.yaml:9:13: error: greeting of the switchboard names prompt 'goddag', which is not in 'prompts'; expected one of: lukket",
            "BrokenPolicies/transfers-to-nothing.yaml:12:18: error: busy of the switchboard transfers to extension 2999, which is not in the number plan; expected an operator's, a person's or a department's extension",
            "BrokenPolicies/transfers-to-nothing.yaml:14:19: error: no-answer of the switchboard transfers to department 'borgerservis', which does not exist; expected one of: (none defined)",
            "BrokenPolicies/transfers-to-nothing.yaml:23:17: error: option 1 of menu 'nat' transfers to 54 73 99 99, which is not one of the policy's numbers; expected a main or direct number (use 'external' for numbers outside)",
            "BrokenPolicies/transfers-to-nothing.yaml:26:18: error: option 2 of menu 'nat' plays message 'ukendt', which is not in 'prompts'; expected one of: lukket",
            "BrokenPolicies/transfers-to-nothing.yaml:29:17: error: option 3 of menu 'nat' uses season 'vinter', which is not in 'seasons'; expected one of: (none defined)");
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_YAML_syntax_error_not_a_crash()
    {
        AssertRejected(
            "unclosed-list",
            "BrokenPolicies/unclosed-list.yaml:6:3: error: YAML syntax: a list '[' or mapping '{' is not closed; expected ']' or '}' before this line");
    }

    [Fact]
    public void An_unknown_key_is_reported_with_the_keys_expected()
    {
        AssertRejected(
            "unknown-key",
            "BrokenPolicies/unknown-key.yaml:8:3: error: unknown key 'hourz' in the switchboard; expected one of: name, number, operators, queue, greeting, hours, overflow, ring-limit, pass-back-code");
    }

    [Fact]
    public void The_voicemail_number_given_or_by_default_must_be_no_number_of_the_plan()
    {
        AssertRejected(
            "taken-voicemail-number",
            "BrokenPolicies/taken-voicemail-number.yaml:6:11: error: the voicemail number '101' is also a number of the plan (line 9, operator 101); expected a number of its own");
        AssertRejected(
            "default-voicemail-number-taken",
            "BrokenPolicies/default-voicemail-number-taken.yaml:7:20: error: 8500 is the voicemail number when 'voicemail: number' is not given; expected another number here, or a voicemail number of its own");
    }

    [Fact]
    public void A_pass_back_code_must_be_digits_and_no_number_of_the_plan()
    {
        AssertRejected(
            "bad-pass-back-code",
            "BrokenPolicies/bad-pass-back-code.yaml:8:19: error: the pass-back code '9a' is not valid; expected 1 to 6 digits, such as 9");
        AssertRejected(
            "taken-pass-back-code",
            "BrokenPolicies/taken-pass-back-code.yaml:8:19: error: the pass-back code '101' is also a number of the plan (line 7); expected a code of its own");
    }

    [Fact]
    public void A_menu_nothing_leads_to_is_reported()
    {
        AssertRejected(
            "unreachable-menu",
            "BrokenPolicies/unreachable-menu.yaml:12:3: error: menu 'glemt' is never reached; expected an overflow rule, a queue or another menu's option to lead to it");
    }

    [Fact]
    public void Options_never_offered_are_warnings_and_the_policy_still_loads()
    {
        var result = Load("never-offered");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                "BrokenPolicies/never-offered.yaml:18:7: warning: option 2 of menu 'nat' is never offered: its hours are closed on every day of the year",
                "BrokenPolicies/never-offered.yaml:23:7: warning: option 3 of menu 'nat' is switched off (available: false) and is offered only while an override opens it"
            ],
            result.Warnings.Select(d => d.ToString()));
    }
}
