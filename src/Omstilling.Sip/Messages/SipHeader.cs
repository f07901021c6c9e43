using System.Text;

namespace Omstilling.Sip.Messages;

/// <summary>
/// One header field value. The value is kept as the bytes on the wire (a slice of the received
/// datagram, unfolded) so parsing a message does not allocate a string per header; typed views
/// (<see cref="Via"/>, <see cref="NameAddress"/>, ...) are built on demand.
/// List headers (Via, Contact, Route, ...) are stored one entry per list element.
/// </summary>
public readonly struct SipHeader
{
    public SipHeader(HeaderName name, ReadOnlyMemory<byte> rawValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        RawValue = rawValue;
    }

    public SipHeader(HeaderName name, string value)
        : this(name, Encoding.UTF8.GetBytes(value))
    {
    }

    public HeaderName Name { get; }

    /// <summary>The value's bytes without leading and trailing whitespace (UTF-8).</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>The value decoded as UTF-8 (allocates).</summary>
    public string Value => Encoding.UTF8.GetString(RawValue.Span);

    public override string ToString() => $"{Name.Name}: {Value}";
}
