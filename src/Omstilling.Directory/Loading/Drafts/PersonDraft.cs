using Omstilling.Directory.Model;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading.Drafts;

/// <summary>A person as written under <c>people:</c>; the id is given or made from the name.</summary>
internal sealed record PersonDraft(Located Id, string Name, Located Department, SourceLocation Source)
{
    /// <summary>True when no id was written and it was made from the name (messages say so).</summary>
    public bool IdFromName { get; init; }

    public string? Title { get; init; }

    public Located? Extension { get; init; }

    public string? Email { get; init; }

    public string? Mobile { get; init; }

    public List<NumberDraft> Numbers { get; init; } = [];

    public List<string> Topics { get; init; } = [];

    public List<Located> CoveredBy { get; init; } = [];

    public CalendarSource? Calendar { get; init; }

    public Policy.Outbound.ClassOfService? ClassOfService { get; init; }
}
