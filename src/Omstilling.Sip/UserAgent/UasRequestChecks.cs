using Omstilling.Sip.Messages;

namespace Omstilling.Sip.UserAgent;

/// <summary>
/// The checks of a UAS core before it processes a request (RFC 3261 §8.2.1-§8.2.3), in the order
/// the RFC gives: URI scheme (416), required extensions (420), body type (415), acceptable answer
/// types (406). Stateless and thread-safe.
/// </summary>
public sealed class UasRequestChecks
{
    /// <summary>Option tags we implement (none yet: no 100rel, no timers, no replaces).</summary>
    public IReadOnlySet<string> SupportedExtensions { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Body types we understand, per method; methods not listed take SDP only.</summary>
    public IReadOnlyDictionary<string, string[]> AcceptedBodies { get; init; } = new Dictionary<string, string[]>
    {
        ["INFO"] = ["application/dtmf-relay", "application/dtmf"],
    };

    /// <summary>The response that rejects the request, or null when it may be processed.</summary>
    public SipResponse? Check(SipRequest request, Func<int, string?, SipResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(respond);
        if (!request.RequestUri.IsSip && !request.RequestUri.IsTel)
        {
            return respond(SipStatus.UnsupportedUriScheme, null);
        }

        if (request.Method != SipMethod.Ack && request.Method != SipMethod.Cancel)
        {
            var unsupported = Unsupported(request);
            if (unsupported.Count > 0)
            {
                var response = respond(SipStatus.BadExtension, null);
                response.Headers.Add(HeaderName.Unsupported, string.Join(", ", unsupported));
                return response;
            }
        }

        var accepted = AcceptedBodies.TryGetValue(request.Method.Name, out var types) ? types : ["application/sdp"];
        if (!request.Body.IsEmpty && request.ContentType is { } type && !accepted.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            var response = respond(SipStatus.UnsupportedMediaType, null);
            response.Headers.Add(HeaderName.Accept, string.Join(", ", accepted));
            return response;
        }

        if (request.Method == SipMethod.Invite && !AcceptsSdp(request))
        {
            var response = respond(406, null);
            response.Headers.Add(HeaderName.Warning, "399 omstilling \"Only application/sdp answers can be given\"");
            return response;
        }

        return null;
    }

    /// <summary>Runs <see cref="Check"/> on a received request and answers it when it fails; true when it was answered so.</summary>
    public bool RejectIfUnfit(Transactions.ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (Check(transaction.Request, transaction.CreateResponse) is not { } rejection)
        {
            return false;
        }

        transaction.Respond(rejection);
        return true;
    }

    private List<string> Unsupported(SipRequest request)
    {
        var unsupported = new List<string>();
        foreach (var h in request.Headers.GetAll(HeaderName.Require))
        {
            var tag = h.Value.Trim();
            if (tag.Length > 0 && !SupportedExtensions.Contains(tag))
            {
                unsupported.Add(tag);
            }
        }

        return unsupported;
    }

    /// <summary>An INVITE without Accept accepts SDP (§20.1); with one, a range must cover application/sdp.</summary>
    private static bool AcceptsSdp(SipRequest request)
    {
        if (!request.Headers.Contains(HeaderName.Accept))
        {
            return true;
        }

        foreach (var h in request.Headers.GetAll(HeaderName.Accept))
        {
            var range = h.Value.Split(';')[0].Trim();
            if (range is "*/*" or "application/*" || range.Equals("application/sdp", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
