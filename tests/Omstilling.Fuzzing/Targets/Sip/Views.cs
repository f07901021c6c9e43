using Omstilling.Fuzzing.Engine;
using Omstilling.Sip.Messages;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>
/// Reads every typed view of a parsed message, and checks that each value we would write (a Via
/// after the received stamp, a Contact in a registration answer, a URI) reads back the same.
/// </summary>
internal static class Views
{
    public static void ReadAll(SipMessage message)
    {
        CheckVia(message.TopVia);
        foreach (var via in message.Vias)
        {
            CheckVia(via);
        }

        CheckAddress(message.From);
        CheckAddress(message.To);
        _ = message.CallId;
        _ = message.CSeq.ToString();
        foreach (var address in message.Contacts.Concat(message.Routes).Concat(message.RecordRoutes))
        {
            CheckAddress(address);
        }

        _ = message.IsContactWildcard;
        _ = message.MaxForwards;
        _ = message.Expires;
        _ = message.ContentType;
        _ = message.BodyText;
        foreach (var header in message.Headers.AsSpan())
        {
            _ = header.ToString();
        }

        if (message is SipRequest request)
        {
            CheckUri(request.RequestUri);
            _ = request.ToString();
        }
        else
        {
            _ = message.ToString();
        }
    }

    public static void CheckVia(Via via)
    {
        var text = via.ToString();
        Via again;
        try
        {
            again = Via.Parse(text);
        }
        catch (FormatException e)
        {
            throw new OracleViolationException($"the Via we would write does not read back: {text}", e);
        }

        OracleViolationException.Check(again.ToString() == text, $"the Via '{text}' reads back as '{again}'");
        _ = (via.Branch, via.HasRfc3261Branch, via.Received, via.RPort, via.HasRPort, via.Maddr, via.SentBy);
    }

    public static void CheckAddress(NameAddress address)
    {
        var text = address.ToString();
        NameAddress again;
        try
        {
            again = NameAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new OracleViolationException($"the address we would write does not read back: {text}", e);
        }

        OracleViolationException.Check(again.ToString() == text, $"the address '{text}' reads back as '{again}'");
        _ = address.Tag;
        CheckUri(address.Uri);
    }

    public static void CheckUri(SipUri uri)
    {
        var text = uri.ToString();
        SipUri again;
        try
        {
            again = SipUri.Parse(text);
        }
        catch (FormatException e)
        {
            throw new OracleViolationException($"the URI we would write does not read back: {text}", e);
        }

        OracleViolationException.Check(again.ToString() == text, $"the URI '{text}' reads back as '{again}'");
        _ = (uri.UnescapedUser, uri.Transport, uri.HostPort, uri.IsSip, uri.IsTel);
    }
}
