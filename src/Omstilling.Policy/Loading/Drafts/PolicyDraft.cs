using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>Everything read from the file, before inheritance, the number plan and the cross-checks.</summary>
internal sealed class PolicyDraft
{
    public string Organisation { get; set; } = string.Empty;

    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    public int RingLimit { get; set; } = 4;

    public TimeSpan RingCadence { get; set; } = Model.RingLimit.DanishCadence;

    public PolicyTargets Targets { get; set; } = new(4, 90, 85);

    public PolicyRetention Retention { get; set; } = PolicyRetention.Default;

    public int MaxForwardingChain { get; set; } = TelephonePolicy.DefaultMaxForwardingChain;

    public (string Number, SourceLocation Source)? VoicemailNumber { get; set; }

    /// <summary>The toll-fraud rule of <c>outbound:</c> (the default without the section).</summary>
    public Outbound.OutboundPermission Outbound { get; set; } = Policy.Outbound.OutboundPermission.Default;

    /// <summary>The post-call survey, or null when the policy asks nobody.</summary>
    public SurveyDraft? Survey { get; set; }

    public LevelRules Rules { get; set; } = LevelRules.Empty;

    public Dictionary<string, Prompt> Prompts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Season> Seasons { get; } = new(StringComparer.Ordinal);

    public bool UsesDanishHolidays { get; set; } = true;

    public Dictionary<DanishDay, SourceLocation> ClosedOptionalDays { get; } = [];

    public List<ClosingDay> ClosingDays { get; } = [];

    public UnitDraft? Switchboard { get; set; }

    /// <summary>The switchboard's pass-back code as written, when the file gives one.</summary>
    public (string Code, SourceLocation Source)? PassBackCode { get; set; }

    public List<AreaDraft> Areas { get; } = [];

    public Dictionary<string, Queue> Queues { get; } = new(StringComparer.Ordinal);

    public List<(string Queue, ExtensionDraft Member)> QueueMembers { get; } = [];

    public Dictionary<string, MenuDraft> Menus { get; } = new(StringComparer.Ordinal);

    public List<(ManualOverride Override, SourceLocation TargetSource)> Overrides { get; } = [];

    /// <summary>Every action written anywhere, for the reference and menu checks.</summary>
    public List<ActionUse> Actions { get; } = [];

    /// <summary>Prompt names used anywhere (besides actions), checked against <see cref="Prompts"/>.</summary>
    public List<(string Name, SourceLocation Source, string Context)> PromptUses { get; } = [];
}
