namespace Omstilling.Storage.Entities;

/// <summary>A person of the directory kept in the database (the fields of a directory file's person). Lists are JSON arrays.</summary>
public sealed class DirectoryPersonRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string DepartmentId { get; set; }

    public string? Title { get; set; }

    public string? Extension { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    /// <summary>JSON array of direct numbers, each <c>{"number":"54732110","visibility":"partners"}</c>.</summary>
    public required string Numbers { get; set; }

    /// <summary>JSON array of topics.</summary>
    public required string Topics { get; set; }

    /// <summary>JSON array of colleagues' ids, in the order to try.</summary>
    public required string CoveredBy { get; set; }

    public string? CalendarIcs { get; set; }

    public string? CalendarMicrosoft365 { get; set; }

    /// <summary>internal, local, national or international; null when none was written (national).</summary>
    public string? ClassOfService { get; set; }

    public int Position { get; set; }
}
