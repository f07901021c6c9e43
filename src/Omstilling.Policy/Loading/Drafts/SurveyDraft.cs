using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>The <c>survey:</c> section as read, its prompts by name until the builder finds them.</summary>
internal sealed record SurveyDraft(
    SurveyAudience Ask,
    int SharePercent,
    string Invitation,
    string Question,
    string Thanks,
    int Scale,
    int SatisfiedFrom,
    SourceLocation Source);
