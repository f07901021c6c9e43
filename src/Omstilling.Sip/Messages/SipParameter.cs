namespace Omstilling.Sip.Messages;

/// <summary>
/// One parameter of a URI or header value, such as <c>;tag=8a3f</c> or the flag <c>;lr</c>
/// (<see cref="Value"/> null). Names compare case-insensitively (RFC 3261 §7.3.1).
/// Values are kept as written (escaped URI characters and quotes included) so a message
/// round-trips byte for byte.
/// </summary>
public readonly record struct SipParameter(string Name, string? Value)
{
    public override string ToString() => Value is null ? Name : $"{Name}={Value}";
}
