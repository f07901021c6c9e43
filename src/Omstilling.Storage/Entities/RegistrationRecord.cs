namespace Omstilling.Storage.Entities;

/// <summary>
/// A phone's registration (a SIP binding, RFC 3261 §10) as kept across a restart, so that a phone
/// is reached at once after a start and not only after its next REGISTER. One row per address of
/// record and contact; written behind the registrar, in batches.
/// </summary>
public sealed class RegistrationRecord
{
    /// <summary>The address of record: the account's user name (an extension).</summary>
    public required string Aor { get; set; }

    /// <summary>The Contact URI as the phone registered it.</summary>
    public required string Contact { get; set; }

    /// <summary>Where the REGISTER came from (requests go there): the transport's Via token ("UDP", "TCP").</summary>
    public required string Transport { get; set; }

    public required string SourceAddress { get; set; }

    public int SourcePort { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public required string CallId { get; set; }

    public long CSeq { get; set; }

    /// <summary>The contact's <c>+sip.instance</c>, when it gave one.</summary>
    public string? InstanceId { get; set; }
}
