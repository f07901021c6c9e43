namespace Omstilling.Storage.Entities;

/// <summary>A notice that a whole department is away (see <c>Omstilling.Directory.Model.DepartmentAbsence</c>).</summary>
public sealed class DepartmentAbsenceRecord
{
    public Guid Id { get; set; }

    public required string DepartmentId { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset Until { get; set; }

    public required string Text { get; set; }

    public required string PostedBy { get; set; }
}
