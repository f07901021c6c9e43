namespace Omstilling.Storage.Entities;

/// <summary>A person's current absence coding, one row per person (see <c>Omstilling.Directory.Model.Absence</c>).</summary>
public sealed class AbsenceRecord
{
    public required string PersonId { get; set; }

    /// <summary>The <c>AbsenceCode</c> by name, so the enum's numbers may change.</summary>
    public required string Code { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset? Until { get; set; }

    public DateTimeOffset SetAt { get; set; }

    public required string SetBy { get; set; }
}
