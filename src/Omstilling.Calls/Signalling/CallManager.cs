using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Queues;
using Omstilling.Calls.Routing;
using Omstilling.Calls.Trunks;
using Omstilling.Calls.Voicemail;
using Omstilling.Media;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Policy.Outbound;
using Omstilling.Policy.Routing;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Dialogs;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Starts calls for new INVITEs and finds the call that owns each later message (by dialog, or
/// by the INVITE transaction for CANCEL). Authentication: INVITEs to public numbers are accepted
/// from anyone; all others must carry an extension's credentials (407 otherwise).
/// Thread-safe.
/// </summary>
public sealed partial class CallManager : ICallRegistry, IForwardingRules
{
    /// <summary>The methods we answer in and out of dialogs.</summary>
    public const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER";

    private readonly ConcurrentDictionary<Guid, IDialogOwner> _calls = new();
    private readonly ConcurrentDictionary<DialogId, (IDialogOwner Call, CallSide Side)> _dialogs = new();
    private readonly DialPlan _dialPlan;
    private readonly DigestAuthenticator _authenticator;
    private readonly BindingStore _bindings;
    private readonly ILogger<CallManager> _logger;
    private readonly CallEventDispatcher _events;
    private readonly CallServices _services;
    private readonly CampOnWaiters _campOns = new();
    private readonly RecentTransfers _recentTransfers = new();
    private readonly CallAdmission _admission;

    /// <param name="faults">
    /// Where failures are contained: a request whose handling threw (<c>calls.request</c>, answered
    /// 500), a call whose next step threw (<c>calls.call</c>, the call is ended), a round of queue
    /// offers (<c>calls.queue</c>, the next change tries again).
    /// </param>
    /// <param name="events">Where the calls' events go to the consumers outside the engine, off every call's lock.</param>
    public CallManager(SipStack stack, MediaServer media, PromptLibrary prompts, AudioClip musicOnHold, DialPlan dialPlan, DigestAuthenticator authenticator, BindingStore bindings, CallOptions options, ILogger<CallManager> logger, FaultMonitor faults, CallEventDispatcher events, PolicyProvider? policy = null, TrunkOptions? trunk = null, StaffState? staff = null)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
        RequestFaults = faults.Boundary("calls.request");
        CallFaults = faults.Boundary("calls.call");
        var queueFaults = faults.Boundary("calls.queue");
        _policy = policy;
        Staff = staff ?? StaffState.None;
        Trunk = trunk;
        TrunkCredentials = trunk?.CreateCredentials();
        PolicyState = new LivePolicyState(this);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(musicOnHold);
        Media = media;
        Prompts = prompts;
        MusicOnHold = musicOnHold;
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(dialPlan);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Stack = stack;
        _admission = new CallAdmission(stack.Options.Abuse);
        _dialPlan = dialPlan;
        _authenticator = authenticator;
        _bindings = bindings;
        Options = options;
        _logger = logger;
        Activity = new PhoneActivity(dialPlan.IsExtension);
        Queues = new QueueManager(bindings, stack.Scheduler, Activity, e => queueFaults.Contain(e, null, "a round of offers to the queues' operators (the next change tries again)"));
        Activity.BecameFree += _campOns.OnFree;
        Voicemail = Staff.Voicemail ?? new FolderVoicemailBoxes(new VoicemailFolders(options.VoicemailFolder), options.ShortestVoicemail);
        Outbound = new OutboundGuard(() => Policy?.Outbound ?? OutboundPermission.Default, Staff.ClassOfService, logger);
        _services = new CallServices(stack, media, prompts, musicOnHold, options, bindings, Queues, Activity, policy, PolicyState, trunk, TrunkCredentials, CallFaults, this, new SurveySampler(options.SurveySeed), Staff, Voicemail, logger) { Outbound = Outbound };
    }

    /// <summary>Each account's SRTP policy for the calls it makes (the host keeps it in step with the accounts file).</summary>
    public SrtpAccounts Srtp { get; } = new();

    /// <summary>Where a request whose handling threw is contained (it is answered 500).</summary>
    internal FaultBoundary RequestFaults { get; }

    /// <summary>Where a call whose next step threw is contained (the call is ended).</summary>
    internal FaultBoundary CallFaults { get; }

    /// <summary>Who is in a call now, and since when the others have been free.</summary>
    public PhoneActivity Activity { get; }

    /// <summary>The callers waiting in queues, and the members' pauses.</summary>
    public QueueManager Queues { get; }

    public int ActiveCalls => _calls.Count;

    /// <summary>
    /// Ends every call still up (the server stops after its drain time): each hangs up its legs
    /// with BYE, or refuses an unanswered caller 503, and ends as <see cref="CallEndReason.Shutdown"/>.
    /// Returns how many there were.
    /// </summary>
    public int EndAllCalls()
    {
        var calls = _calls.Values.ToList();
        foreach (var call in calls)
        {
            call.EndForShutdown();
        }

        return calls.Count;
    }

    internal SipStack Stack { get; }

    internal CallOptions Options { get; }

    internal MediaServer Media { get; }

    internal AudioClip MusicOnHold { get; }

    internal PromptLibrary Prompts { get; }

    /// <summary>Who is away and whose calls are forwarded, and their feature codes (nobody without a directory).</summary>
    internal StaffState Staff { get; }

    /// <summary>Where staff call to hear their voicemail: the policy's number, else <see cref="DialPlan.DefaultVoicemailNumber"/>.</summary>
    internal string VoicemailNumber => Policy?.VoicemailNumber ?? DialPlan.DefaultVoicemailNumber;

    /// <summary>The voicemail boxes: the staff's, or files in the voicemail folder without a directory.</summary>
    internal IVoicemailBoxes Voicemail { get; }

    /// <summary>The policy in force now (a reload swaps it between calls), or null when none is configured.</summary>
    internal TelephonePolicy? Policy => _policy?.Current;

    internal IPolicyState PolicyState { get; }

    internal BindingStore Bindings => _bindings;

    /// <summary>Where calls to external numbers go, or null when there is no trunk.</summary>
    internal TrunkOptions? Trunk { get; }

    /// <summary>Answers the trunk's challenges to our INVITEs; null when it trusts our address.</summary>
    internal DigestClient? TrunkCredentials { get; }

    /// <summary>The toll-fraud guard: every way onto the trunk asks it (docs/security.md, "Toll fraud").</summary>
    public OutboundGuard Outbound { get; }

    private readonly PolicyProvider? _policy;

    /// <summary>A new INVITE outside any dialog.</summary>
    public void OnInvite(ServerInviteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (request.MaxForwards == 0)
        {
            transaction.Respond(SipStatus.TooManyHops);
            return;
        }

        var dialled = request.RequestUri.UnescapedUser ?? "";
        var target = dialled == VoicemailNumber
            ? new DialTarget(dialled, IsPublic: false, dialled) { Service = ServiceNumber.Voicemail }
            : _dialPlan.Resolve(dialled);

        // The main number and the direct numbers of the telephone policy are for everyone, as
        // citizens and partners call them through a trunk; an extension is for our own phones.
        var policy = Policy;
        PlanNumber? planNumber = null;
        if (target is not { Service: not ServiceNumber.None } && policy is not null && policy.TryFindNumber(dialled, out var found))
        {
            planNumber = found;
        }

        string caller;
        string? account = null;
        var fromOutside = false;
        if ((target is { IsPublic: true } || planNumber is { Kind: not NumberKind.Extension }) && FromOutside(transaction))
        {
            caller = request.From.Uri.UnescapedUser ?? WithheldNumber.Caller;

            // A caller who is one of our own accounts (a colleague's phone calling the main number) is not a citizen.
            fromOutside = !_dialPlan.IsExtension(caller);
        }
        else
        {
            var auth = _authenticator.Authenticate(transaction, proxy: true);
            if (!auth.IsAuthenticated)
            {
                transaction.Respond(_authenticator.Challenge(request, transaction.LocalTag, proxy: true, stale: auth.Outcome == AuthenticationOutcome.Stale));
                return;
            }

            caller = auth.Username!;
            account = caller;
        }

        OutboundVerdict? outside = null;
        if (planNumber is null && target is null)
        {
            // Not ours: a number outside, which only an authenticated account (account is set
            // here: public numbers are found above) may call, as far as its class and the policy allow.
            var verdict = Outbound.Check(account, dialled, OutboundPath.Dialled, transaction.Incoming.Source.EndPoint.Address);
            if (RefuseOutside(transaction, verdict))
            {
                return;
            }

            outside = verdict;
        }

        if (!Admit(transaction, account, out var lease))
        {
            return;
        }

        if (planNumber is not null)
        {
            // The policy decides, also for calls between colleagues: an unanswered extension
            // overflows the way the policy says (to the switchboard, to voicemail).
            var routed = new Call(_services, transaction, caller, dialled, fromOutside) { CallerSrtp = Srtp.For(account) };
            var decision = policy!.Route(dialled, Stack.Scheduler.Time.GetUtcNow(), PolicyState);
            Begin(routed, lease, () => routed.StartPolicy(decision));
            return;
        }

        if (target is not null && target.Service != ServiceNumber.None)
        {
            var served = new ServedCall(this, transaction, caller, dialled, target.Service, CarryOutFeature(target, caller)) { CallerSrtp = Srtp.For(account) };
            _admission.Hold(served.Id, lease);
            _calls[served.Id] = served;
            LogCallStarted(served.Id, dialled);
            served.Start();
            return;
        }

        var call = new Call(_services, transaction, caller, dialled) { CallerSrtp = Srtp.For(account) };
        if (outside is { } allowed)
        {
            Begin(call, lease, () => call.StartOutbound(allowed));
            return;
        }

        Begin(call, lease, () => call.StartExtension(target!.Extension));
    }

    /// <summary>A request with a To tag: it belongs to a dialog of some call, or it gets 481 (§12.2.2).</summary>
    public void OnInDialogRequest(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (_dialogs.TryGetValue(DialogId.ForIncoming(transaction.Request), out var owner))
        {
            owner.Call.OnInDialogRequest(transaction, owner.Side);
            return;
        }

        transaction.Respond(SipStatus.CallOrTransactionDoesNotExist);
    }

    public void OnAck(IncomingMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (_dialogs.TryGetValue(DialogId.ForIncoming(ack.Request), out var owner))
        {
            owner.Call.OnAck(ack.Request);
        }
    }

    public void OnCancel(ServerInviteTransaction invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (invite.UserState is IDialogOwner call)
        {
            call.OnCallerCancel();
        }
        else
        {
            // Cancelled before a call was made (while being challenged, say): end the INVITE here.
            invite.TryRespond(invite.CreateResponse(SipStatus.RequestTerminated));
            LogCancelledBeforeCall(invite.Request.CallId);
        }
    }

    /// <summary>A retransmitted 2xx from a phone: its dialog is (from our side) From tag = ours, To tag = theirs.</summary>
    public void OnStray2xx(IncomingMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var message = response.Message;
        var id = new DialogId(message.CallId, message.From.Tag ?? "", message.To.Tag ?? "");
        if (_dialogs.TryGetValue(id, out var owner))
        {
            owner.Call.OnStray2xx(id);
        }
    }

    /// <summary>Our Contact for a dialog with a peer at <paramref name="peer"/>: a user at our address as the peer reaches it.</summary>
    internal NameAddress ContactFor(string user, SipEndPoint peer)
    {
        var local = Stack.LocalEndPointFor(peer);
        var uri = SipUri.Sip(user, SipStack.FormatHost(local.Address), local.Port);
        return new NameAddress(peer.Transport == SipTransportKind.Udp ? uri : uri.WithParameter("transport", peer.Transport.UriParameter()));
    }

    internal void Index(DialogId id, IDialogOwner call, CallSide side) => _dialogs[id] = (call, side);

    internal void Unindex(DialogId id) => _dialogs.TryRemove(id, out _);

    internal void Remove(Guid callId, DialogId? callerDialog, IEnumerable<DialogId> calleeDialogs)
    {
        _calls.TryRemove(callId, out _);
        _admission.Release(callId);

        // A BYE retransmission after this finds no dialog and gets 481, which is what a UAS answers once a dialog is gone.
        if (callerDialog is { } a)
        {
            _dialogs.TryRemove(a, out _);
        }

        foreach (var b in calleeDialogs)
        {
            _dialogs.TryRemove(b, out _);
        }
    }

    void ICallRegistry.Index(DialogId id, IDialogOwner call, CallSide side) => Index(id, call, side);

    void ICallRegistry.Unindex(DialogId id) => Unindex(id);

    void ICallRegistry.Remove(Guid callId, DialogId? callerDialog, IEnumerable<DialogId> calleeDialogs) => Remove(callId, callerDialog, calleeDialogs);

    void ICallRegistry.Publish(CallEvent e) => Publish(e);

    NameAddress ICallRegistry.ContactFor(string user, SipEndPoint peer) => ContactFor(user, peer);

    void ICallRegistry.WaitForFree(string extension, Call call) => _campOns.Add(extension, call);

    void ICallRegistry.StopWaitingForFree(string extension, Call call) => _campOns.Remove(extension, call);

    /// <summary>The calls in progress that are calls of the policy or between extensions (not service numbers).</summary>
    internal IEnumerable<Call> Live => _calls.Values.OfType<Call>();

    internal Call? Find(Guid callId) => _calls.TryGetValue(callId, out var owner) ? owner as Call : null;

    /// <summary>Whether an operator may send a caller to <paramref name="target"/>: one of our extensions or a number of the policy.</summary>
    internal bool IsKnownTarget(string target) =>
        _dialPlan.IsExtension(target) || (Policy?.TryFindNumber(target, out _) ?? false);

    internal void Publish(CallEvent e)
    {
        if (e.Kind == CallEventKind.Ended)
        {
            LogCallEnded(e.CallId, e.EndReason, e.Status);
        }

        // The engine's own record of who is busy changes with the call, under its lock; everyone
        // else gets the event from the dispatcher, outside it.
        Activity.OnEvent(e);
        _recentTransfers.OnEvent(e);
        _events.Post(e);
    }

    /// <summary>
    /// The person at <paramref name="extension"/> marks the call last put through to them (within
    /// <see cref="RecentTransfers.MarkWithin"/>) as "fejlstillet"; false when there is none.
    /// </summary>
    internal bool MarkLastTransferMisrouted(string extension)
    {
        if (_recentTransfers.LastTo(extension, Stack.Scheduler.Time.GetUtcNow()) is not { } transfer)
        {
            return false;
        }

        Publish(new CallEvent(transfer.CallId, CallEventKind.MarkedMisrouted, Stack.Scheduler.Time.GetUtcNow(), transfer.Caller, transfer.Dialled) { Party = extension });
        return true;
    }

    /// <summary>Whether <paramref name="number"/> is one of our extensions.</summary>
    internal bool IsExtension(string number) => _dialPlan.IsExtension(number);

    /// <summary>
    /// Starts a call-back ("Ring op", <see cref="CallBack"/>): the operator's phones ring, then the
    /// citizen's. Returns its call id.
    /// </summary>
    internal Guid StartCallBack(string op, string citizen, IReadOnlyList<Binding> operatorPhones, IReadOnlyList<Binding> citizenPhones, bool viaTrunk, string citizenSees)
    {
        var callBack = new CallBack(this, op, citizen, citizenPhones, viaTrunk, citizenSees);
        _calls[callBack.Id] = callBack; // findable before its first INVITE leaves: the answer may come at once
        LogCallBackStarted(callBack.Id, op);
        callBack.Start(operatorPhones);
        return callBack.Id;
    }

    /// <remarks>The citizen's number is personal data: it is in the call history, not in the log.</remarks>
    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Call-back {CallId} for operator {Operator} started")]
    private partial void LogCallBackStarted(Guid callId, string @operator);

    /// <remarks>The caller's number is personal data: it is in the call history (with its retention), not in the log.</remarks>
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Call {CallId} to {Dialled} started")]
    private partial void LogCallStarted(Guid callId, string dialled);


    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "INVITE {CallIdHeader} cancelled before a call was made")]
    private partial void LogCancelledBeforeCall(string callIdHeader);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Call {CallId} ended: {Reason} {Status}")]
    private partial void LogCallEnded(Guid callId, CallEndReason? reason, int? status);
}
