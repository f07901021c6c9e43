using System.Text;

namespace Omstilling.Sip.Messages;

/// <summary>
/// A header field name. Well-known names are shared instances carrying their compact form
/// (RFC 3261 §7.3.3) and whether the header may hold a comma-separated list (§7.3.1), so the
/// parser can split lists and compare names by reference. Names compare case-insensitively.
/// Thread-safe: instances never change.
/// </summary>
public sealed class HeaderName : IEquatable<HeaderName>
{
    public static readonly HeaderName Accept = List("Accept");
    public static readonly HeaderName AcceptEncoding = List("Accept-Encoding");
    public static readonly HeaderName AcceptLanguage = List("Accept-Language");
    public static readonly HeaderName AlertInfo = List("Alert-Info");
    public static readonly HeaderName Allow = List("Allow");
    public static readonly HeaderName AllowEvents = List("Allow-Events", 'u');
    public static readonly HeaderName AuthenticationInfo = Single("Authentication-Info");
    public static readonly HeaderName Authorization = Single("Authorization");
    public static readonly HeaderName CallId = Single("Call-ID", 'i', unique: true);
    public static readonly HeaderName CallInfo = List("Call-Info");
    public static readonly HeaderName Contact = List("Contact", 'm');
    public static readonly HeaderName ContentDisposition = Single("Content-Disposition");
    public static readonly HeaderName ContentEncoding = List("Content-Encoding", 'e');
    public static readonly HeaderName ContentLanguage = List("Content-Language");
    public static readonly HeaderName ContentLength = Single("Content-Length", 'l', unique: true);
    public static readonly HeaderName ContentType = Single("Content-Type", 'c', unique: true);
    public static readonly HeaderName CSeq = Single("CSeq", unique: true);
    public static readonly HeaderName Date = Single("Date");
    public static readonly HeaderName Diversion = List("Diversion");
    public static readonly HeaderName ErrorInfo = List("Error-Info");
    public static readonly HeaderName Event = Single("Event", 'o');
    public static readonly HeaderName Expires = Single("Expires");
    public static readonly HeaderName From = Single("From", 'f', unique: true);
    public static readonly HeaderName InReplyTo = List("In-Reply-To");
    public static readonly HeaderName MaxForwards = Single("Max-Forwards", unique: true);
    public static readonly HeaderName MimeVersion = Single("MIME-Version");
    public static readonly HeaderName MinExpires = Single("Min-Expires");
    public static readonly HeaderName Organization = Single("Organization");
    public static readonly HeaderName PAssertedIdentity = List("P-Asserted-Identity");
    public static readonly HeaderName Path = List("Path");
    public static readonly HeaderName Priority = Single("Priority");
    public static readonly HeaderName ProxyAuthenticate = Single("Proxy-Authenticate");
    public static readonly HeaderName ProxyAuthorization = Single("Proxy-Authorization");
    public static readonly HeaderName ProxyRequire = List("Proxy-Require");
    public static readonly HeaderName RAck = Single("RAck");
    public static readonly HeaderName Reason = List("Reason");
    public static readonly HeaderName RecordRoute = List("Record-Route");
    public static readonly HeaderName ReferTo = Single("Refer-To", 'r');
    public static readonly HeaderName ReferredBy = Single("Referred-By", 'b');
    public static readonly HeaderName ReferSub = Single("Refer-Sub");
    public static readonly HeaderName Replaces = Single("Replaces");
    public static readonly HeaderName ReplyTo = Single("Reply-To");
    public static readonly HeaderName Require = List("Require");
    public static readonly HeaderName RetryAfter = Single("Retry-After");
    public static readonly HeaderName Route = List("Route");
    public static readonly HeaderName RSeq = Single("RSeq");
    public static readonly HeaderName Server = Single("Server");
    public static readonly HeaderName SessionExpires = Single("Session-Expires", 'x');
    public static readonly HeaderName Subject = Single("Subject", 's');
    public static readonly HeaderName SubscriptionState = Single("Subscription-State");
    public static readonly HeaderName Supported = List("Supported", 'k');
    public static readonly HeaderName Timestamp = Single("Timestamp");
    public static readonly HeaderName To = Single("To", 't', unique: true);
    public static readonly HeaderName Unsupported = List("Unsupported");
    public static readonly HeaderName UserAgent = Single("User-Agent");
    public static readonly HeaderName Via = List("Via", 'v');
    public static readonly HeaderName Warning = List("Warning");
    public static readonly HeaderName WwwAuthenticate = Single("WWW-Authenticate");

    private static readonly HeaderName[] KnownNames =
    [
        Accept, AcceptEncoding, AcceptLanguage, AlertInfo, Allow, AllowEvents, AuthenticationInfo, Authorization,
        CallId, CallInfo, Contact, ContentDisposition, ContentEncoding, ContentLanguage, ContentLength, ContentType,
        CSeq, Date, Diversion, ErrorInfo, Event, Expires, From, InReplyTo, MaxForwards, MimeVersion, MinExpires, Organization,
        PAssertedIdentity, Path, Priority, ProxyAuthenticate, ProxyAuthorization, ProxyRequire, RAck, Reason,
        RecordRoute, ReferTo, ReferredBy, ReferSub, Replaces, ReplyTo, Require, RetryAfter, Route, RSeq, Server,
        SessionExpires, Subject, SubscriptionState, Supported, Timestamp, To, Unsupported, UserAgent, Via, Warning,
        WwwAuthenticate,
    ];

    // Known names bucketed by length so a lookup compares against one or two candidates.
    private static readonly HeaderName[][] ByLength = BuildLengthIndex();
    private static readonly HeaderName?[] ByCompactForm = BuildCompactIndex();

    private readonly byte[] _utf8;

    private HeaderName(string name, char compact, bool isList, bool isUnique, bool isKnown)
    {
        Name = name;
        CompactForm = compact;
        IsList = isList;
        IsUnique = isUnique;
        IsKnown = isKnown;
        _utf8 = Encoding.ASCII.GetBytes(name);
    }

    /// <summary>The canonical spelling, used when serializing.</summary>
    public string Name { get; }

    /// <summary>The one-letter compact form, or '\0' when the header has none.</summary>
    public char CompactForm { get; }

    /// <summary>The header's grammar is a comma-separated list; the parser stores one entry per element.</summary>
    public bool IsList { get; }

    /// <summary>At most one occurrence is allowed in a message (RFC 4475 §3.3.8, §3.3.9).</summary>
    public bool IsUnique { get; }

    /// <summary>True for the shared well-known instances.</summary>
    public bool IsKnown { get; }

    internal ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>Returns the well-known instance for <paramref name="name"/> (any case, or a compact form), else a new name.</summary>
    public static HeaderName Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Lookup(Encoding.ASCII.GetBytes(name));
    }

    /// <summary>Looks up a header name token read off the wire; allocates only for names we do not know.</summary>
    internal static HeaderName Lookup(ReadOnlySpan<byte> token)
    {
        // The error-response builder looks up names the strict parser refused, so any byte may
        // arrive here: the compact index covers all 256 (RFC 4475 fuzzing found 0x80-0xFF).
        if (token.Length == 1)
        {
            var compact = ByCompactForm[token[0] | 0x20];
            if (compact is not null)
            {
                return compact;
            }
        }
        else if (token.Length < ByLength.Length)
        {
            foreach (var candidate in ByLength[token.Length])
            {
                if (System.Text.Ascii.EqualsIgnoreCase(token, candidate._utf8))
                {
                    return candidate;
                }
            }
        }

        return new HeaderName(Encoding.ASCII.GetString(token), '\0', isList: false, isUnique: false, isKnown: false);
    }

    public bool Equals(HeaderName? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && !IsKnown && !other.IsKnown && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase));

    public override bool Equals(object? obj) => Equals(obj as HeaderName);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    public override string ToString() => Name;

    public static bool operator ==(HeaderName? left, HeaderName? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(HeaderName? left, HeaderName? right) => !(left == right);

    private static HeaderName List(string name, char compact = '\0') => new(name, compact, isList: true, isUnique: false, isKnown: true);

    private static HeaderName Single(string name, char compact = '\0', bool unique = false) =>
        new(name, compact, isList: false, isUnique: unique, isKnown: true);

    private static HeaderName[][] BuildLengthIndex()
    {
        var max = KnownNames.Max(n => n.Name.Length);
        var index = new HeaderName[max + 1][];
        for (var len = 0; len <= max; len++)
        {
            index[len] = KnownNames.Where(n => n.Name.Length == len).ToArray();
        }

        return index;
    }

    private static HeaderName?[] BuildCompactIndex()
    {
        var index = new HeaderName?[256];
        foreach (var n in KnownNames.Where(n => n.CompactForm != '\0'))
        {
            index[n.CompactForm] = n;
        }

        return index;
    }
}
