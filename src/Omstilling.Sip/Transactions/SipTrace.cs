using System.Text;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Serialization;

namespace Omstilling.Sip.Transactions;

/// <summary>Formats messages for debug logs with credentials redacted (digest responses are replayable within a nonce's life).</summary>
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
            else
            {
                sb.Append(line).Append("\r\n");
            }
        }

        return sb.ToString().TrimEnd();
    }
}
