using Omstilling.Policy.Model;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>A menu option as written; its prompt and season are names checked later.</summary>
internal sealed record OptionDraft(char Digit, string Id, string Label, PolicyAction Action, SourceLocation Source)
{
    public (string Name, SourceLocation Source)? Prompt { get; init; }

    public (string Id, SourceLocation Source)? Season { get; init; }

    public WeeklyHours? Hours { get; init; }

    public bool Enabled { get; init; } = true;
}
