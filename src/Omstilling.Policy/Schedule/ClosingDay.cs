using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Schedule;

/// <summary>A local closing day written in the policy (e.g. a staff day).</summary>
public sealed record ClosingDay(DateOnly Date, string Name, SourceLocation Source);
