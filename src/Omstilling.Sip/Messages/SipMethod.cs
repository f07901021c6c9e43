using System.Text;

namespace Omstilling.Sip.Messages;

/// <summary>
/// A SIP method name. Methods are case-sensitive (RFC 3261 §7.1); the well-known ones are
/// shared instances so parsing them allocates nothing.
/// </summary>
public readonly record struct SipMethod
{
    public static readonly SipMethod Invite = new("INVITE");
    public static readonly SipMethod Ack = new("ACK");
    public static readonly SipMethod Bye = new("BYE");
    public static readonly SipMethod Cancel = new("CANCEL");
    public static readonly SipMethod Options = new("OPTIONS");
    public static readonly SipMethod Register = new("REGISTER");
    public static readonly SipMethod Info = new("INFO");
    public static readonly SipMethod Prack = new("PRACK");
    public static readonly SipMethod Update = new("UPDATE");
    public static readonly SipMethod Subscribe = new("SUBSCRIBE");
    public static readonly SipMethod Notify = new("NOTIFY");
    public static readonly SipMethod Refer = new("REFER");
    public static readonly SipMethod Message = new("MESSAGE");
    public static readonly SipMethod Publish = new("PUBLISH");

    private static readonly SipMethod[] Known =
        [Invite, Ack, Bye, Cancel, Options, Register, Info, Prack, Update, Subscribe, Notify, Refer, Message, Publish];

    public SipMethod(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Returns the shared instance for a known method, or a new one; the bytes must be a token.</summary>
    internal static SipMethod FromToken(ReadOnlySpan<byte> token)
    {
        foreach (var m in Known)
        {
            if (token.Length == m.Name.Length && Matches(token, m.Name))
            {
                return m;
            }
        }

        return new SipMethod(Encoding.ASCII.GetString(token));
    }

    public override string ToString() => Name;

    private static bool Matches(ReadOnlySpan<byte> token, string name)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }
}
