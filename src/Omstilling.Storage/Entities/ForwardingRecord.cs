namespace Omstilling.Storage.Entities;

/// <summary>A person's forwarding on one condition, one row per person and condition (see <c>Omstilling.Directory.Model.Forwarding</c>).</summary>
public sealed class ForwardingRecord
{
    public required string PersonId { get; set; }

    /// <summary>The <c>ForwardingCondition</c> by name, so the enum's numbers may change.</summary>
    public required string Condition { get; set; }

    public required string Target { get; set; }

    public DateTimeOffset SetAt { get; set; }

    public required string SetBy { get; set; }
}
