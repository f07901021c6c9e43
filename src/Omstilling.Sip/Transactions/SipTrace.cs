using System.Text;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Serialization;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// Formats messages for debug logs with credentials redacted (digest responses are replayable
/// within a nonce's life), and the SRTP keys of SDP bodies too (RFC 4568 §8.3: whoever reads an
/// <c>a=crypto</c> line can decrypt the call).
/// </summary>
internal static class SipTrace
{
    public static string Format(SipMessage message)
    {
        var text = Encoding.UTF8.GetString(SipMessageWriter.ToBytes(message));
        var sb = new StringBuilder(text.Length);
        foreach (var line in text.Split("\r\n"))
        {
            if (line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase) ||
                line.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase))
            {
                sb.Append(line.AsSpan(0, line.IndexOf(':', StringComparison.Ordinal) + 1)).Append(" <redacted>\r\n");
            }
            else if (line.StartsWith("a=crypto:", StringComparison.Ordinal) && line.IndexOf("inline:", StringComparison.Ordinal) is var key and >= 0)
            {
                var end = line.IndexOf(' ', key);
                sb.Append(line.AsSpan(0, key)).Append("inline:<redacted>").Append(end < 0 ? "" : line.AsSpan(end)).Append("\r\n");
            }
            else
            {
                sb.Append(line).Append("\r\n");
            }
        }

        return sb.ToString().TrimEnd();
    }
}
