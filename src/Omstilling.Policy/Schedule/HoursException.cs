using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Schedule;

/// <summary>Special telephone hours on one date (closed, or other hours), with the policy's note.</summary>
public sealed record HoursException(DateOnly Date, DailyHours Hours, string? Note, SourceLocation Source);
