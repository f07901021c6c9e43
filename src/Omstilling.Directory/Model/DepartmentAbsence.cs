namespace Omstilling.Directory.Model;

/// <summary>
/// A notice that a whole department is away (the policy: "if a whole department is away, the
/// switchboard must be told"), with the text the operator reads to callers. Immutable.
/// </summary>
/// <param name="Id">Identifies the notice so that it can be withdrawn.</param>
/// <param name="From">Start, inclusive.</param>
/// <param name="Until">End, exclusive: the moment the department is back.</param>
/// <param name="Text">What callers are told: "Afdelingen er på kursus, vi træffes igen mandag kl. 9".</param>
/// <param name="PostedBy">Who posted it (a person id or an operator).</param>
public sealed record DepartmentAbsence(Guid Id, string DepartmentId, DateTimeOffset From, DateTimeOffset Until, string Text, string PostedBy)
{
    /// <summary>In force at <paramref name="now"/>: From &lt;= now &lt; Until.</summary>
    public bool IsActive(DateTimeOffset now) => From <= now && now < Until;
}
