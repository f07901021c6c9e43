namespace Omstilling.Storage.Entities;

/// <summary>
/// A department of the directory kept in the database: one the policy lacks, or one of the
/// policy's enriched (null members are "as the policy says"). Lists are JSON arrays.
/// </summary>
public sealed class DirectoryDepartmentRecord
{
    public required string Id { get; set; }

    public string? Name { get; set; }

    public string? AreaId { get; set; }

    public string? Email { get; set; }

    /// <summary>JSON array of topics.</summary>
    public required string Topics { get; set; }

    /// <summary>JSON array of direct numbers, each <c>{"number":"54732056","visibility":"public"}</c>.</summary>
    public required string Numbers { get; set; }

    public int Position { get; set; }
}
