using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Policy.Tests.Loading;

/// <summary>The loader on the bundled policy and on small inline files.</summary>
public sealed class PolicyLoaderTests
{
    private const string Minimal = """
        organisation: Testkommune
        time-zone: Europe/Copenhagen
        prompts:
          lukket: Vi har lukket.
        switchboard:
          number: 54 73 10 00
          operators: [100]
          overflow:
            outside-hours:
              message: lukket
        """;

    [Fact]
    public void The_bundled_Guldborgsund_policy_loads_without_errors_or_warnings()
    {
        var result = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"));

        Assert.True(result.Succeeded, result.Report());
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Guldborgsund Kommune", result.Policy.Organisation);
        Assert.Equal("54731000", result.Policy.MainNumber);
        Assert.Equal(new PolicyTargets(4, 90, 85) { AnsweredWithinRingsPercent = 80, CalledAgainWithin = TimeSpan.FromMinutes(30) }, result.Policy.Targets);
        Assert.Equal(new PolicyRetention(90, 395), result.Policy.Retention);
        Assert.Equal(TimeSpan.FromSeconds(20), result.Policy.RingLimit.Duration);
    }

    [Fact]
    public void Every_number_the_policy_does_not_give_is_marked_as_an_example()
    {
        var policy = Guldborgsund.Bundled;

        Assert.All(
            policy.Numbers.Values.Where(n => n.Kind == NumberKind.DirectNumber),
            n => Assert.True(n.IsExample, n.Display));
        Assert.All(
            policy.Menus.Values.SelectMany(m => m.Options).Select(o => o.Action).Where(a => a.Kind == ActionKind.External),
            a => Assert.True(a.IsExample, a.Target));
        Assert.False(policy.Numbers["54731000"].IsExample);
    }

    [Fact]
    public void The_switchboards_operators_are_its_extensions_and_its_queues_members_once_each()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"))
            .Replace("operators: [100, 101, 102, 103]", "operators: [101, 100]", StringComparison.Ordinal)
            .Replace("members: [100, 101, 102, 103]", "members: [2010, 100]", StringComparison.Ordinal);
        var result = PolicyLoader.Load(yaml, "kommune.yaml");
        Assert.True(result.Succeeded, result.Report());

        Assert.Equal(["100", "101", "2010"], result.Policy.Operators.ToArray());
    }

    [Fact]
    public void The_bundled_policy_uses_the_demo_extensions()
    {
        var extensions = Guldborgsund.Bundled.Numbers.Values.Where(n => n.Kind == NumberKind.Extension).Select(n => int.Parse(n.Number, System.Globalization.CultureInfo.InvariantCulture));

        Assert.All(extensions, e => Assert.True(e is >= 100 and <= 103 or >= 2000 and <= 2099, e.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_minimal_policy_is_always_open_and_rings_its_operator()
    {
        var result = PolicyLoader.Load(Minimal, "minimal.yaml");

        Assert.True(result.Succeeded, result.Report());
        var decision = result.Policy.Route("54731000", DateTimeOffset.UnixEpoch, PolicyState.Staffed);
        Assert.Equal(DecisionKind.Ring, decision.Kind);
        Assert.Equal(RuleKind.AlwaysOpen, decision.Rule.Kind);
    }

    [Fact]
    public void An_empty_file_is_an_error_at_its_start()
    {
        var result = PolicyLoader.Load("", "empty.yaml");

        Assert.Equal("empty.yaml:1:1: error: the file is empty; expected a policy (organisation, time-zone, switchboard, ...)", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_the_file()
    {
        var result = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "no-such-policy.yaml"));

        Assert.False(result.Succeeded);
        Assert.StartsWith(Path.Combine(AppContext.BaseDirectory, "no-such-policy.yaml") + ":1:1: error: cannot read the policy file", result.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_retention_the_history_keeps_numbers_90_days_and_records_395()
    {
        Assert.Equal(PolicyRetention.Default, PolicyLoader.Load(Minimal, "minimal.yaml").Policy!.Retention);
        Assert.Equal(new PolicyRetention(90, 395), PolicyRetention.Default);
    }

    [Fact]
    public void Without_a_share_the_ring_limit_target_has_none_and_called_again_means_within_30_minutes()
    {
        var targets = PolicyLoader.Load(Minimal, "minimal.yaml").Policy!.Targets;

        Assert.Null(targets.AnsweredWithinRingsPercent);
        Assert.Equal(TimeSpan.FromMinutes(30), targets.CalledAgainWithin);
    }

    [Fact]
    public void Retention_is_read_in_days()
    {
        var result = PolicyLoader.Load(Minimal + "\nretention:\n  caller-numbers-days: 30\n  records-days: 365\n", "retention.yaml");

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal(new PolicyRetention(30, 365), result.Policy!.Retention);
        Assert.Equal(60, result.Policy.Retention.VoicemailDays);
        Assert.Equal(14, PolicyLoader.Load(Minimal + "\nretention:\n  voicemail-days: 14\n", "retention.yaml").Policy!.Retention.VoicemailDays);
        Assert.Equal(730, result.Policy.Retention.DirectoryChangesDays);
        Assert.Equal(365, PolicyLoader.Load(Minimal + "\nretention:\n  directory-changes-days: 365\n", "retention.yaml").Policy!.Retention.DirectoryChangesDays);
        Assert.Equal(
            "retention.yaml:12:27: error: 'directory-changes-days' in retention is '0'; expected a whole number from 1 to 3650",
            PolicyLoader.Load(Minimal + "\nretention:\n  directory-changes-days: 0\n", "retention.yaml").Diagnostics.Single().ToString());
    }

    [Theory]
    [InlineData("  caller-numbers-days: 400\n  records-days: 365\n", "retention.yaml:12:3: error: retention: caller-numbers-days (400) is longer than records-days (365); expected numbers anonymised no later than the records are deleted")]
    [InlineData("  caller-numbers-days: 0\n", "retention.yaml:12:24: error: 'caller-numbers-days' in retention is '0'; expected a whole number from 1 to 3650")]
    [InlineData("  records: 30\n", "retention.yaml:12:3: error: unknown key 'records' in retention; expected one of: caller-numbers-days, records-days, voicemail-days, directory-changes-days")]
    [InlineData("  voicemail-days: 0\n", "retention.yaml:12:19: error: 'voicemail-days' in retention is '0'; expected a whole number from 1 to 3650")]
    public void Retention_out_of_range_or_backwards_is_an_error_at_its_place(string body, string expected)
    {
        var result = PolicyLoader.Load(Minimal + "\nretention:\n" + body, "retention.yaml");

        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void The_forwarding_chain_limit_is_read_and_defaults_to_three()
    {
        var result = PolicyLoader.Load(Minimal + "\nforwarding:\n  max-chain: 5\n", "forwarding.yaml");

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal(5, result.Policy!.MaxForwardingChain);
        Assert.Equal(3, PolicyLoader.Load(Minimal, "minimal.yaml").Policy!.MaxForwardingChain);
    }

    [Theory]
    [InlineData("  max-chain: 0\n", "forwarding.yaml:12:14: error: 'max-chain' in forwarding is '0'; expected a whole number from 1 to 10")]
    [InlineData("  max-chain: many\n", "forwarding.yaml:12:14: error: 'max-chain' in forwarding is 'many'; expected a whole number from 1 to 10")]
    [InlineData("  hops: 2\n", "forwarding.yaml:12:3: error: unknown key 'hops' in forwarding; expected one of: max-chain")]
    public void A_forwarding_chain_limit_out_of_range_is_an_error_at_its_place(string body, string expected)
    {
        var result = PolicyLoader.Load(Minimal + "\nforwarding:\n" + body, "forwarding.yaml");

        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void The_voicemail_number_is_read_and_is_otherwise_the_platforms()
    {
        var result = PolicyLoader.Load(Minimal + "\nvoicemail:\n  number: 7000\n", "voicemail.yaml");

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal("7000", result.Policy!.VoicemailNumber);
        Assert.Null(PolicyLoader.Load(Minimal, "minimal.yaml").Policy!.VoicemailNumber);
    }

    [Theory]
    [InlineData("  number: 85 00\n", "voicemail.yaml:12:11: error: voicemail number '85 00' must be 2 to 8 digits, e.g. 8500")]
    [InlineData("  number: 1\n", "voicemail.yaml:12:11: error: voicemail number '1' must be 2 to 8 digits, e.g. 8500")]
    [InlineData("  box: 8500\n", "voicemail.yaml:12:3: error: unknown key 'box' in voicemail; expected one of: number")]
    public void A_voicemail_number_that_is_no_short_number_is_an_error_at_its_place(string body, string expected)
    {
        var result = PolicyLoader.Load(Minimal + "\nvoicemail:\n" + body, "voicemail.yaml");

        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void A_duplicate_key_is_a_YAML_error_at_the_second_key()
    {
        var result = PolicyLoader.Load(Minimal + "\norganisation: Igen\n", "dup.yaml");

        Assert.Equal("dup.yaml:11:1: error: YAML syntax: Duplicate key organisation", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void A_planned_override_in_the_file_closes_the_switchboard_until_its_time()
    {
        var yaml = Minimal + """

            overrides:
              - target: switchboard
                state: closed
                from: "2026-06-05 12:00"
                until: "2026-06-05 16:00"
                reason: Personaledag
            """;
        var policy = PolicyLoader.Load(yaml, "planned.yaml").Policy!;
        var during = policy.Route("54731000", new DateTimeOffset(2026, 6, 5, 13, 0, 0, TimeSpan.FromHours(2)), PolicyState.Staffed);
        var after = policy.Route("54731000", new DateTimeOffset(2026, 6, 5, 16, 0, 0, TimeSpan.FromHours(2)), PolicyState.Staffed);

        Assert.Equal(DecisionKind.Message, during.Kind);
        Assert.Equal(RuleKind.ManualOverride, during.Rule.Kind);
        Assert.Equal("Personaledag", during.Rule.Override!.Reason);
        Assert.Equal(DecisionKind.Ring, after.Kind);
    }

    [Fact]
    public void A_local_closing_day_and_a_date_exception_apply()
    {
        var yaml = """
            organisation: Testkommune
            time-zone: Europe/Copenhagen
            prompts:
              lukket: Vi har lukket.
            holidays:
              closing-days:
                - date: 2026-05-15
                  name: Fredag efter Kristi himmelfartsdag
            hours:
              weekly:
                mon-fri: 08:00-15:00
              exceptions:
                - date: 2026-12-23
                  hours: 08:00-12:00
                  note: Lillejuleaften
            switchboard:
              number: 54 73 10 00
              operators: [100]
              overflow:
                outside-hours:
                  message: lukket
            """;
        var policy = PolicyLoader.Load(yaml, "days.yaml").Policy!;
        DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1));

        var closing = policy.Route("54731000", At(5, 15, 10), PolicyState.Staffed);
        var morning = policy.Route("54731000", At(12, 23, 11), PolicyState.Staffed);
        var afternoon = policy.Route("54731000", At(12, 23, 13), PolicyState.Staffed);

        Assert.Equal(RuleKind.LocalClosingDay, closing.Rule.Kind);
        Assert.Equal("Fredag efter Kristi himmelfartsdag", closing.Rule.ClosingDay!.Name);
        Assert.Equal(DecisionKind.Ring, morning.Kind);
        Assert.Equal(RuleKind.DateException, afternoon.Rule.Kind);
        Assert.Equal(DecisionKind.Message, afternoon.Kind);
    }

    /// <summary>
    /// Found by fuzzing (policy-yaml): "Europe/" names the folder of zones, which .NET refuses to
    /// read with a SecurityException, not TimeZoneNotFoundException, and that ended the load.
    /// </summary>
    [Theory]
    [InlineData("Europe/")]
    [InlineData("Europe")]
    [InlineData("/")]
    public void A_time_zone_naming_a_folder_of_zones_is_an_unknown_time_zone(string zone)
    {
        var yaml = Minimal.Replace("Europe/Copenhagen", zone, StringComparison.Ordinal);

        var result = PolicyLoader.Load(yaml, "zone.yaml");

        Assert.Equal(
            $"zone.yaml:2:12: error: unknown time zone '{zone}'; expected an IANA time zone such as Europe/Copenhagen",
            Assert.Single(result.Diagnostics).ToString());
    }

    /// <summary>
    /// Found by fuzzing (policy-yaml, directory-yaml): YamlDotNet's scanner accepts these, and
    /// then building the tree fails with an ArgumentException ("the current event is of an
    /// unsupported type"), which ended the load instead of becoming a diagnostic.
    /// </summary>
    [Theory]
    [InlineData("#\0: t", "event.yaml:1:2: error: YAML syntax: a NUL character; expected text (YAML allows no control characters but tab and line breaks)")]
    [InlineData(":\n  :: d\n  l: \n  i:\n    : i:\n1", "event.yaml:6:1: error: YAML syntax: a key or value cannot be read here; expected 'key: value' at the indentation of its mapping")]
    public void Yaml_the_reader_cannot_build_a_tree_from_is_a_syntax_error_not_a_crash(string yaml, string expected)
    {
        var result = PolicyLoader.Load(yaml, "event.yaml");

        Assert.False(result.Succeeded);
        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    /// <summary>
    /// Found while auditing the loaders for the fuzz targets: 'then' is read recursively, and an
    /// alias inside the value its anchor names made that recursion endless. The stack overflowed,
    /// which ends the process: the server, when the policy was edited while it ran.
    /// </summary>
    [Fact]
    public void An_alias_inside_the_value_it_names_is_an_error_not_a_stack_overflow()
    {
        var yaml = Minimal + "\nmenus:\n  m:\n    intro: lukket\n    options:\n      \"1\": &o\n        label: a\n        message: lukket\n        then: *o\n";

        var result = PolicyLoader.Load(yaml, "cycle.yaml");

        Assert.Equal(
            "cycle.yaml:15:12: error: YAML: this value contains an alias to itself (a '*' inside the value its '&' names); expected a value that does not contain itself",
            Assert.Single(result.Diagnostics).ToString());
    }

    /// <summary>
    /// Found while auditing the loaders for the fuzz targets: YamlDotNet builds its tree
    /// recursively, and 100,000 nested lists overflowed the stack, ending the process.
    /// </summary>
    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Values_nested_too_deep_are_an_error_not_a_stack_overflow(string open, string close)
    {
        var yaml = Minimal + "\nseasons: " + string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";

        var result = PolicyLoader.Load(yaml, "deep.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(11, diagnostic.Location.Line);
        Assert.EndsWith("error: YAML syntax: mappings and lists nested more than 64 deep; expected the few levels the file's format has", diagnostic.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Aliases to aliases nest values deeper than the text does; the same limit holds through them.</summary>
    [Fact]
    public void Values_nested_too_deep_through_aliases_are_an_error()
    {
        var anchors = string.Concat(Enumerable.Range(1, 70).Select(i => $"  a{i}: &a{i} [*a{i - 1}]\n"));
        var yaml = Minimal + "\nseasons:\n  a0: &a0 [x]\n" + anchors;

        var result = PolicyLoader.Load(yaml, "aliases.yaml");

        Assert.Equal(
            "aliases.yaml:75:8: error: YAML: values nested more than 64 deep through aliases; expected the few levels the file's format has",
            Assert.Single(result.Diagnostics).ToString());
    }

    /// <summary>
    /// Found by fuzzing (policy-yaml, a long run): two keys that are aliases to the mapping they are
    /// in made YamlDotNet compare the mapping with itself without end while building the tree, a
    /// stack overflow that ended the fuzzer (and would end the server on a policy edit).
    /// </summary>
    [Theory]
    [InlineData("seasons: &m {*m : 1, *m : 2}", 11, 14)]
    [InlineData("seasons: &m\n  *m : 1\n  *m : 2", 12, 3)]
    [InlineData("seasons:\n  ? [*x]\n  : 1", 12, 6)]
    public void An_alias_in_a_key_is_an_error_not_a_stack_overflow(string seasons, int line, int column)
    {
        var result = PolicyLoader.Load(Minimal + "\n" + seasons + "\n", "key.yaml");

        Assert.Equal(
            $"key.yaml:{line}:{column}: error: YAML syntax: an alias ('*') in a key; expected a plain word as the key",
            Assert.Single(result.Diagnostics).ToString());
    }
}
