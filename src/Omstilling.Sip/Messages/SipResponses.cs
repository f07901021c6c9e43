namespace Omstilling.Sip.Messages;

/// <summary>Builds responses to requests as RFC 3261 §8.2.6 prescribes.</summary>
public static class SipResponses
{
    /// <summary>
    /// A response that copies Via (all values, in order), From, Call-ID, CSeq and To from the
    /// request, adding <paramref name="toTag"/> to To when the request had no To tag and the
    /// status is above 100 (§8.2.6.2); 100 Trying also copies Timestamp (§8.2.6.1).
    /// </summary>
    public static SipResponse Create(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new SipHeaders(8);
        request.Headers.CopyAllTo(HeaderName.Via, headers);
        request.Headers.CopyAllTo(HeaderName.From, headers);
        if (statusCode > 100 && toTag is not null && request.To.Tag is null &&
            request.Headers.TryGetFirst(HeaderName.To, out var to))
        {
            // The request's To byte for byte, plus our tag: the UAC compares it (§8.2.6.2).
            byte[] tagged = [.. to.RawValue.Span, .. ";tag="u8, .. System.Text.Encoding.ASCII.GetBytes(toTag)];
            headers.Add(new SipHeader(HeaderName.To, tagged));
        }
        else
        {
            request.Headers.CopyAllTo(HeaderName.To, headers);
        }

        request.Headers.CopyAllTo(HeaderName.CallId, headers);
        request.Headers.CopyAllTo(HeaderName.CSeq, headers);
        if (statusCode == 100)
        {
            request.Headers.CopyAllTo(HeaderName.Timestamp, headers);
        }

        return new SipResponse(statusCode, reasonPhrase, headers);
    }
}
