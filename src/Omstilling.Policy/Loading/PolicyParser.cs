using Omstilling.Policy.Loading.Drafts;
using Omstilling.Policy.Model;
using Omstilling.Yaml;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>
/// Reads the YAML tree into drafts, reporting every shape error (unknown keys, wrong types, bad
/// times, malformed numbers) with its position. Cross-references are checked afterwards by
/// <see cref="PolicyBuilder"/>. One instance per load; not thread-safe. Split by section:
/// calendar and hours, units, menus and actions.
/// </summary>
internal sealed partial class PolicyParser(DiagnosticBag diagnostics)
{
    private static readonly string[] RootKeys =
    [
        "organisation", "time-zone", "ring-limit", "ring-cadence-seconds", "targets", "retention", "survey", "forwarding", "voicemail", "outbound", "prompts", "holidays",
        "seasons", "hours", "overflow", "switchboard", "queues", "areas", "menus", "overrides",
    ];

    private static readonly string[] TargetKeys = ["answer-within-rings", "answered-within-rings-percent", "correct-transfers-percent", "satisfied-callers-percent", "called-again-within-minutes"];

    private static readonly string[] RetentionKeys = ["caller-numbers-days", "records-days", "voicemail-days", "directory-changes-days"];

    private static readonly string[] ForwardingKeys = ["max-chain"];
    private static readonly string[] VoicemailKeys = ["number"];

    private readonly DiagnosticBag _diagnostics = diagnostics;
    private readonly PolicyDraft _draft = new();

    public PolicyDraft Parse(YamlMappingNode root)
    {
        var map = new YamlMap(root, "the policy", RootKeys, _diagnostics);
        _draft.Organisation = map.Text("organisation", required: true, "the organisation's name") ?? string.Empty;
        ParseTimeZone(map);
        if (map.Int("ring-cadence-seconds", 1, 30) is { } cadence)
        {
            _draft.RingCadence = TimeSpan.FromSeconds(cadence);
        }

        if (map.Mapping("targets", "a mapping of targets") is { } targets)
        {
            ParseTargets(targets);
        }

        if (map.Mapping("retention", "a mapping (caller-numbers-days, records-days)") is { } retention)
        {
            ParseRetention(retention);
        }

        if (map.Mapping("forwarding", "a mapping (max-chain)") is { } forwarding)
        {
            _draft.MaxForwardingChain = new YamlMap(forwarding, "forwarding", ForwardingKeys, _diagnostics).Int("max-chain", 1, 10) ?? TelephonePolicy.DefaultMaxForwardingChain;
        }

        if (map.Mapping("voicemail", "a mapping (number)") is { } voicemail)
        {
            ParseVoicemail(new YamlMap(voicemail, "voicemail", VoicemailKeys, _diagnostics));
        }

        if (map.Mapping("outbound", "a mapping (allow, local, premium)") is { } outbound)
        {
            ParseOutbound(outbound);
        }

        if (map.Mapping("survey", "a mapping (ask, share-percent, invitation, question, thanks, scale, satisfied-from)") is { } survey)
        {
            ParseSurvey(survey);
        }

        if (map.Mapping("prompts", "a mapping of prompt names to their Danish text") is { } prompts)
        {
            ParsePrompts(prompts);
        }

        if (map.Mapping("holidays", "a mapping (public, closed, closing-days)") is { } holidays)
        {
            ParseHolidays(holidays);
        }

        if (map.Mapping("seasons", "a mapping of season ids to date ranges") is { } seasons)
        {
            ParseSeasons(seasons);
        }

        _draft.Rules = ParseLevelRules(map, "the policy", null);
        _draft.RingLimit = _draft.Rules.RingLimit ?? 4;
        if (map.Require("switchboard", "the switchboard with the main number") is { } switchboard)
        {
            ParseSwitchboard(switchboard);
        }

        if (map.Mapping("queues", "a mapping of queue ids to queues") is { } queues)
        {
            ParseQueues(queues);
        }

        if (map.Mapping("areas", "a mapping of area ids to directorate areas") is { } areas)
        {
            ParseAreas(areas);
        }

        if (map.Mapping("menus", "a mapping of menu ids to menus") is { } menus)
        {
            ParseMenus(menus);
        }

        if (map.Sequence("overrides", "a list of overrides") is { } overrides)
        {
            ParseOverrides(overrides);
        }

        return _draft;
    }

    /// <summary><c>voicemail: number:</c> where staff call to hear their messages: 2 to 8 digits (8500 when not given).</summary>
    private void ParseVoicemail(YamlMap voicemail)
    {
        if (voicemail.Scalar("number", expected: "the voicemail number (2 to 8 digits)") is not { } node)
        {
            return;
        }

        var number = node.Value ?? "";
        if (number.Length is < 2 or > 8 || !number.All(char.IsAsciiDigit))
        {
            _diagnostics.Error(node, $"voicemail number '{number}' must be 2 to 8 digits, e.g. 8500");
            return;
        }

        _draft.VoicemailNumber = (number, _diagnostics.At(node));
    }

    private void ParseTimeZone(YamlMap map)
    {
        var node = map.Scalar("time-zone", required: true, "a time zone such as Europe/Copenhagen");
        if (node?.Value is not { } id)
        {
            return;
        }

        try
        {
            _draft.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or System.Security.SecurityException)
        {
            // A folder of zones ("Europe/") is found but cannot be read as one: a SecurityException.
            _diagnostics.Error(node, $"unknown time zone '{id}'; expected an IANA time zone such as Europe/Copenhagen");
        }
        catch (InvalidTimeZoneException e)
        {
            _diagnostics.Error(node, $"time zone '{id}' cannot be read on this machine ({e.Message}); expected Europe/Copenhagen");
        }
    }

    private void ParseTargets(YamlMappingNode node)
    {
        var map = new YamlMap(node, "targets", TargetKeys, _diagnostics);
        _draft.Targets = new PolicyTargets(
            map.Int("answer-within-rings", 1, 20) ?? 4,
            map.Int("correct-transfers-percent", 0, 100) ?? 90,
            map.Int("satisfied-callers-percent", 0, 100) ?? 85)
        {
            AnsweredWithinRingsPercent = map.Int("answered-within-rings-percent", 0, 100),
            CalledAgainWithin = TimeSpan.FromMinutes(map.Int("called-again-within-minutes", 1, 1440) ?? 30),
        };
    }

    private void ParseRetention(YamlMappingNode node)
    {
        var map = new YamlMap(node, "retention", RetentionKeys, _diagnostics);
        var numbers = map.Int("caller-numbers-days", 1, 3650) ?? PolicyRetention.Default.CallerNumbersDays;
        var records = map.Int("records-days", 1, 3650) ?? PolicyRetention.Default.RecordsDays;
        if (numbers > records)
        {
            _diagnostics.Error(node, $"retention: caller-numbers-days ({numbers}) is longer than records-days ({records}); expected numbers anonymised no later than the records are deleted");
        }

        _draft.Retention = new PolicyRetention(numbers, records)
        {
            VoicemailDays = map.Int("voicemail-days", 1, 3650) ?? PolicyRetention.DefaultVoicemailDays,
            DirectoryChangesDays = map.Int("directory-changes-days", 1, 3650) ?? PolicyRetention.DefaultDirectoryChangesDays,
        };
    }

    private void ParsePrompts(YamlMappingNode node)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (!TryId(keyNode, "a prompt name", out var name))
            {
                continue;
            }

            if (valueNode is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                _diagnostics.Error(valueNode, $"prompt '{name}' must be its Danish text, not a {YamlNodes.KindOf(valueNode)}; expected e.g. {name}: Guldborgsund Kommune - Goddag");
                continue;
            }

            _draft.Prompts[name] = new Prompt(name, text.Trim(), _diagnostics.At(keyNode));
        }
    }

    /// <summary>A key used as an id: lower-case letters, digits and '-' so it can be typed anywhere.</summary>
    private bool TryId(YamlNode keyNode, string what, out string id)
    {
        id = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        if (id.Length > 0 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return true;
        }

        _diagnostics.Error(keyNode, $"'{id}' is not a valid {what}; expected lower-case letters, digits and '-' (e.g. teknik-og-miljoe)");
        return false;
    }
}
