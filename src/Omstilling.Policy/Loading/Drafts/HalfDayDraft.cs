using Omstilling.Policy.Model;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>A half day as written: a named day or a date, and the closing minute.</summary>
internal sealed record HalfDayDraft(DanishDay Day, DateOnly? Date, int ClosesAtMinute, SourceLocation Source);
