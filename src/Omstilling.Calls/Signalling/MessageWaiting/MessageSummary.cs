using System.Globalization;
using System.Text;
using Omstilling.Calls.Control;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Signalling.MessageWaiting;

/// <summary>The message-summary event package (RFC 3842): its names and the body of its NOTIFYs. Stateless.</summary>
internal static class MessageSummary
{
    /// <summary>The event package's name, in Event and Allow-Events (RFC 3842 §3.1).</summary>
    public const string EventPackage = "message-summary";

    /// <summary>The body's media type (RFC 3842 §5).</summary>
    public const string ContentType = "application/simple-message-summary";

    /// <summary>
    /// The body of RFC 3842 §5.2: whether messages wait, the account they wait in, and the voice
    /// messages as new/old with no urgent ones (we keep no urgency):
    /// <c>Messages-Waiting: yes</c>, <c>Message-Account: sip:2012@host</c>, <c>Voice-Message: 1/0 (0/0)</c>.
    /// </summary>
    public static byte[] Body(MessageCounts counts, SipUri account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Messages-Waiting: {(counts.Waiting ? "yes" : "no")}\r\nMessage-Account: {account}\r\nVoice-Message: {counts.New}/{counts.Old} (0/0)\r\n");
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>Whether an Event header names this package (its parameters, such as <c>id</c>, aside: RFC 6665 §8.2.1).</summary>
    public static bool IsThisPackage(string? eventHeader)
    {
        if (eventHeader is null)
        {
            return false;
        }

        var semicolon = eventHeader.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon < 0 ? eventHeader : eventHeader[..semicolon]).Trim();
        return string.Equals(type, EventPackage, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the request accepts this package's body: no Accept header means it does (RFC 3842
    /// §4), else one of its entries must be the type or a wildcard covering it (RFC 3261 §20.1).
    /// </summary>
    public static bool IsAcceptedBy(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.Contains(HeaderName.Accept))
        {
            return true;
        }

        foreach (var header in request.Headers.GetAll(HeaderName.Accept))
        {
            var value = header.Value;
            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            var type = (semicolon < 0 ? value : value[..semicolon]).Trim();
            if (type.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || type.Equals("*/*", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
