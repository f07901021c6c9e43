using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Signalling.Referral;

/// <summary>
/// What a phone's REFER asks (RFC 3515): the number the caller is to be put through to, and for an
/// attended transfer the dialog the new call replaces (RFC 3891, carried as a <c>Replaces</c> header
/// in the Refer-To URI, the way Yealink, Snom and Polycom phones send it). Immutable.
/// </summary>
/// <param name="Number">The Refer-To URI's user part, unescaped: digits, <c>+</c>, <c>*</c> and <c>#</c> only.</param>
/// <param name="Replaces">
/// The dialog between the transferring phone and us that the transfer completes, as we index it
/// (Call-ID, our tag, the phone's tag), or null for a blind transfer.
/// </param>
/// <param name="Subscribe">False when the phone asked for no NOTIFY (<c>Refer-Sub: false</c>, RFC 4488).</param>
internal sealed record ReferRequest(string Number, DialogId? Replaces, bool Subscribe)
{
    /// <summary>The most digits a transfer target may have (E.164's 15 and a <c>+</c>, or a feature code).</summary>
    public const int MaxNumberLength = 20;

    /// <summary>
    /// Reads the REFER, or says why it cannot be carried out: 400 for a missing or repeated Refer-To
    /// or a malformed Replaces, 416 for a scheme other than sip/sips, 484 for a target that is no
    /// dialable number.
    /// </summary>
    public static ReferParse Parse(SipRequest refer)
    {
        ArgumentNullException.ThrowIfNull(refer);
        var values = new List<string>(1);
        foreach (var header in refer.Headers.GetAll(HeaderName.ReferTo))
        {
            values.Add(header.Value);
        }

        if (values.Count != 1)
        {
            return ReferParse.Refused(SipStatus.BadRequest, values.Count == 0 ? "Missing Refer-To" : "More than one Refer-To");
        }

        NameAddress target;
        try
        {
            target = NameAddress.Parse(values[0]);
        }
        catch (FormatException)
        {
            return ReferParse.Refused(SipStatus.BadRequest, "Unreadable Refer-To");
        }

        if (!target.Uri.IsSip)
        {
            return ReferParse.Refused(SipStatus.UnsupportedUriScheme, "Refer-To must be a sip or sips URI");
        }

        var number = target.Uri.UnescapedUser ?? "";
        if (number.Length is 0 or > MaxNumberLength || !number.All(IsDialable))
        {
            return ReferParse.Refused(SipStatus.AddressIncomplete, "Refer-To is not a number");
        }

        DialogId? replaces = null;
        if (ReplacesOf(target.Uri.Headers) is { } text)
        {
            if (ParseReplaces(text) is not { } id)
            {
                return ReferParse.Refused(SipStatus.BadRequest, "Unreadable Replaces in Refer-To");
            }

            replaces = id;
        }

        if (target.Uri.Parameters.Get("method") is { } method && !method.Equals("INVITE", StringComparison.OrdinalIgnoreCase))
        {
            return ReferParse.Refused(SipStatus.Forbidden, "Only a transfer (an INVITE) is referred");
        }

        // Refer-Sub: false (RFC 4488), with or without parameters.
        var referSub = refer.Header(HeaderName.ReferSub)?.Split(';')[0].Trim();
        var subscribe = !string.Equals(referSub, "false", StringComparison.OrdinalIgnoreCase);
        return ReferParse.Accepted(new ReferRequest(number, replaces, subscribe));
    }

    /// <summary>
    /// A Replaces value (<c>call-id;to-tag=T;from-tag=F</c>, RFC 3891 §6.1), as the dialog we keep:
    /// its to-tag is ours (the phone's dialog with us is what it replaces), its from-tag the phone's.
    /// </summary>
    public static DialogId? ParseReplaces(string value)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || parts[0].Length == 0)
        {
            return null;
        }

        string? toTag = null, fromTag = null;
        foreach (var part in parts.AsSpan(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var tag = eq < 0 ? "" : part[(eq + 1)..];
            if (name.Equals("to-tag", StringComparison.OrdinalIgnoreCase))
            {
                toTag = tag;
            }
            else if (name.Equals("from-tag", StringComparison.OrdinalIgnoreCase))
            {
                fromTag = tag;
            }
        }

        return toTag is { Length: > 0 } && fromTag is { Length: > 0 } ? new DialogId(parts[0], toTag, fromTag) : null;
    }

    private static bool IsDialable(char c) => char.IsAsciiDigit(c) || c is '+' or '*' or '#';

    /// <summary>The Replaces among a URI's headers (<c>?Replaces=...&amp;...</c>), unescaped.</summary>
    private static string? ReplacesOf(string? headers)
    {
        if (string.IsNullOrEmpty(headers))
        {
            return null;
        }

        foreach (var header in headers.Split('&'))
        {
            var eq = header.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && header.AsSpan(0, eq).Equals("Replaces", StringComparison.OrdinalIgnoreCase))
            {
                return SipUri.Unescape(header[(eq + 1)..]);
            }
        }

        return null;
    }
}

/// <summary>A REFER read: the request, or the status and reason it is refused with.</summary>
internal readonly record struct ReferParse(ReferRequest? Request, int Status, string? Reason)
{
    public static ReferParse Accepted(ReferRequest request) => new(request, SipStatus.Accepted, null);

    public static ReferParse Refused(int status, string reason) => new(null, status, reason);
}
