using System.Globalization;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Dialogs;

/// <summary>
/// One side of a dialog (RFC 3261 §12): the identifiers, the CSeq counters, the remote target and
/// route set, and how to build requests inside it. In-dialog requests go to <see cref="Peer"/>,
/// the address the other party actually talks from, which also reaches phones behind NAT.
/// Thread-safe: CSeq and target updates are made under a lock.
/// </summary>
public sealed class Dialog
{
    private readonly Lock _lock = new();
    private uint _localCSeq;
    private uint? _remoteCSeq;

    private Dialog(DialogId id, NameAddress local, NameAddress remote, SipUri remoteTarget, IReadOnlyList<NameAddress> routeSet,
        uint localCSeq, uint? remoteCSeq, SipEndPoint peer, NameAddress localContact, bool isUac)
    {
        Id = id;
        Local = local;
        Remote = remote;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localCSeq = localCSeq;
        _remoteCSeq = remoteCSeq;
        Peer = peer;
        LocalContact = localContact;
        IsUac = isUac;
    }

    public DialogId Id { get; }

    /// <summary>Our address with our tag (From in requests we send).</summary>
    public NameAddress Local { get; }

    /// <summary>The peer's address with its tag (To in requests we send).</summary>
    public NameAddress Remote { get; }

    /// <summary>The peer's Contact: the Request-URI of our in-dialog requests (§12.2.1.1).</summary>
    public SipUri RemoteTarget { get; private set; }

    public IReadOnlyList<NameAddress> RouteSet { get; }

    public SipEndPoint Peer { get; }

    /// <summary>
    /// The dialog's signalling with <see cref="Peer"/> goes over TLS, both ways (our in-dialog
    /// requests reuse the peer's connection): where SDES keys (SRTP) may be offered or accepted.
    /// </summary>
    public bool IsSecure => Peer.Transport.IsSecure();

    /// <summary>Our Contact, put in requests and responses we send in the dialog.</summary>
    public NameAddress LocalContact { get; }

    public bool IsUac { get; }

    public DialogState State { get; private set; } = DialogState.Confirmed;

    /// <summary>The dialog a UAS forms by answering <paramref name="request"/> with <paramref name="localTag"/> (§12.1.1).</summary>
    public static Dialog CreateUas(SipRequest request, string localTag, SipEndPoint peer, NameAddress localContact)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(localContact);
        var id = new DialogId(request.CallId, localTag, request.From.Tag ?? "");
        return new Dialog(id, request.To.WithTag(localTag), request.From, ContactOf(request) ?? request.From.Uri,
            request.RecordRoutes, 0, request.CSeq.Number, peer, localContact, isUac: false);
    }

    /// <summary>The dialog a UAC forms from a 1xx or 2xx with a To tag to its request (§12.1.2); the route set is Record-Route reversed.</summary>
    public static Dialog CreateUac(SipRequest request, SipResponse response, SipEndPoint peer, NameAddress localContact)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(localContact);
        var remoteTag = response.To.Tag ?? throw new ArgumentException("A dialog needs a To tag.", nameof(response));
        var id = new DialogId(request.CallId, request.From.Tag ?? "", remoteTag);
        var routes = response.RecordRoutes.Reverse().ToList();
        var dialog = new Dialog(id, request.From, response.To, ContactOf(response) ?? request.RequestUri, routes,
            request.CSeq.Number, null, peer, localContact, isUac: true);
        dialog.State = response.IsSuccess ? DialogState.Confirmed : DialogState.Early;
        return dialog;
    }

    public void Confirm()
    {
        lock (_lock)
        {
            if (State == DialogState.Early)
            {
                State = DialogState.Confirmed;
            }
        }
    }

    public void Terminate()
    {
        lock (_lock)
        {
            State = DialogState.Terminated;
        }
    }

    /// <summary>
    /// Checks the CSeq of a request received in the dialog (§12.2.2): lower than the last one is
    /// out of order (answer 500). Records it otherwise. ACK and CANCEL reuse their INVITE's number.
    /// </summary>
    public bool AcceptRemoteCSeq(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethod.Ack || request.Method == SipMethod.Cancel)
        {
            return true;
        }

        lock (_lock)
        {
            var number = request.CSeq.Number;
            if (_remoteCSeq is { } last && number <= last)
            {
                return false;
            }

            _remoteCSeq = number;
            return true;
        }
    }

    /// <summary>A re-INVITE or its 2xx may move the peer (§12.2.1.2, §12.2.2): take its Contact as the new target.</summary>
    public void UpdateRemoteTarget(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ContactOf(message) is { } contact)
        {
            lock (_lock)
            {
                RemoteTarget = contact;
            }
        }
    }

    /// <summary>A new request in the dialog (§12.2.1.1) with the next CSeq.</summary>
    public SipRequest CreateRequest(SipMethod method)
    {
        uint cseq;
        SipUri target;
        lock (_lock)
        {
            cseq = ++_localCSeq;
            target = RemoteTarget;
        }

        return Build(method, cseq, target);
    }

    /// <summary>The ACK for a 2xx to the INVITE with CSeq <paramref name="inviteCSeq"/> (§13.2.2.4).</summary>
    public SipRequest CreateAck(uint inviteCSeq)
    {
        SipUri target;
        lock (_lock)
        {
            target = RemoteTarget;
        }

        return Build(SipMethod.Ack, inviteCSeq, target);
    }

    private SipRequest Build(SipMethod method, uint cseq, SipUri target)
    {
        var headers = new SipHeaders(10);
        foreach (var route in RouteSet)
        {
            headers.Add(HeaderName.Route, route.ToString());
        }

        headers.Add(HeaderName.From, Local.ToString());
        headers.Add(HeaderName.To, Remote.ToString());
        headers.Add(HeaderName.CallId, Id.CallId);
        headers.Add(HeaderName.CSeq, $"{cseq.ToString(CultureInfo.InvariantCulture)} {method.Name}");
        if (method == SipMethod.Invite || method == SipMethod.Update)
        {
            headers.Add(HeaderName.Contact, LocalContact.ToString());
        }

        return new SipRequest(method, target, headers);
    }

    private static SipUri? ContactOf(SipMessage message)
    {
        var contacts = message.Contacts;
        return contacts.Count > 0 ? contacts[0].Uri : null;
    }
}
