using System.Collections.Immutable;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Routing;
using Omstilling.Media.Audio;
using Omstilling.Calls.Signalling.Referral;
using Omstilling.Policy.Model;
using Omstilling.Policy.Outbound;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Carries out the telephone policy's decisions for a call, one after another: ring, queue, menu,
/// message, voicemail, forward, back, hang up, and what an overflow rule or a menu choice says
/// next. A policy whose rules lead round in a circle ends the call after <see cref="MaxSteps"/>
/// decisions instead of forever. Owned by its call and used under the call's lock.
/// </summary>
internal sealed partial class PolicyRunner(IPolicyHost call, CallServices services, MenuRunner menus, PostCallSurvey survey, bool fromOutside)
{
    /// <summary>Decisions one call may take.</summary>
    public const int MaxSteps = 25;

    private readonly CallForwarder _forwarder = new(call, services);
    private int _steps;
    private PolicySurvey? _invitation;

    /// <summary>Whom the call was for when an overflow rule took it elsewhere (the console shows it), or null.</summary>
    public DiversionView? Diversion { get; private set; }

    /// <summary>
    /// An internal call to an extension outside the policy's plan: as for a person (forwarding,
    /// absence), then its phones ring for the platform's ring limit; 480 when none is registered.
    /// </summary>
    public void StartExtension(string extension)
    {
        call.Emit(call.Event(CallEventKind.Started) with { External = false });
        if (!services.CanTake(extension, call.Now))
        {
            call.Refuse(SipStatus.TemporarilyUnavailable, null, CallEndReason.Unavailable); // before any media is made
            return;
        }

        if (call.PrepareCallerMedia())
        {
            RingPerson(RingPurpose.Call, extension, [extension], null, null, services.Options.RingLimit);
        }
    }

    /// <summary>A call to a number of the policy: carries out what it decided.</summary>
    public void Start(RoutingDecision decision)
    {
        call.Emit(call.Event(CallEventKind.Started) with { External = fromOutside });
        if (fromOutside && services.Policy?.Survey is { } s && s.Asks(decision.Number) && services.SurveySampler.Picks(s.SharePercent))
        {
            _invitation = s; // read after the greeting, once the policy leads the caller towards a person
        }

        if (call.PrepareCallerMedia())
        {
            Execute(decision);
        }
    }

    /// <summary>Carries out one decision of the policy.</summary>
    public void Execute(RoutingDecision decision)
    {
        if (call.HasEnded)
        {
            return;
        }

        if (++_steps > MaxSteps)
        {
            Finish(SipStatus.ServerInternalError, CallEndReason.Failed, "policy loop");
            return;
        }

        call.Emit(call.Event(CallEventKind.Routed) with { Decision = decision.Kind, Rule = decision.Rule.Kind, Target = TargetOf(decision) });
        switch (decision.Kind)
        {
            case DecisionKind.Ring when decision.Person is { } person:
                GreetThen(decision.Greeting, () => RingPerson(RingPurpose.Call, person.Extension, decision.Extensions, decision.OnBusy, decision.OnNoAnswer, RingLimitOf(decision)));
                break;
            case DecisionKind.Ring:
            case DecisionKind.Queue when decision.Queue is null:
                GreetThen(decision.Greeting, () => RingFor(new RingGroup(RingPurpose.Call, Present(decision.Extensions), decision.OnBusy, decision.OnNoAnswer), RingLimitOf(decision), ringback: call.CallerAnswered));
                break;
            case DecisionKind.Queue:
                GreetThen(decision.Greeting, () => call.EnterQueue(decision.Queue!, decision.OnBusy, recalled: false));
                break;
            case DecisionKind.Forward:
                var externalLimit = decision.RingLimit.Rings > 0 ? decision.RingLimit.Duration : services.Options.ExternalRingLimit;
                GreetThen(decision.Greeting, () => ForwardFromPolicy(decision.ExternalNumber!, externalLimit, decision.OnBusy, decision.OnNoAnswer));
                break;
            case DecisionKind.Menu:
                GreetThen(decision.Greeting, () => menus.Open(decision.Menu!.Value.Menu));
                break;
            case DecisionKind.Message:
                menus.PlayMessage(decision.Message!, decision.AfterMessage);
                break;
            case DecisionKind.Voicemail:
                menus.RecordVoicemail(decision.VoicemailBox!);
                break;
            case DecisionKind.Back:
                menus.Back();
                break;
            case DecisionKind.Hangup:
                Finish(SipStatus.TemporarilyUnavailable, CallEndReason.Completed, null);
                break;
            case DecisionKind.NotFound:
                Finish(SipStatus.NotFound, CallEndReason.Rejected, null);
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"DecisionKind {decision.Kind} is not carried out");
        }
    }

    /// <summary>What an overflow rule or a menu choice says next; with none, the call ends with <paramref name="status"/>.</summary>
    public void Follow(PolicyAction? action, int status, CallEndReason reason)
    {
        if (action is null || services.Policy is not { } policy)
        {
            Finish(status, reason, null);
            return;
        }

        Execute(policy.Resolve(action, call.Now, services.PolicyState));
    }

    /// <summary>
    /// Nobody took the policy's ringing: the call goes on by its busy or no-answer rule (and the
    /// switchboard learns whom the call was for), or ends for want of one.
    /// </summary>
    public void NobodyAnswered(RingGroup group, RingOutcome outcome, int status)
    {
        if (ForwardOnFailure(group, outcome))
        {
            return;
        }

        var busy = outcome is RingOutcome.Busy;
        var rule = busy || outcome == RingOutcome.Unavailable ? group.OnBusy ?? group.OnNoAnswer : group.OnNoAnswer;
        if (rule is not null && group.Targets.Count > 0)
        {
            Diversion = new DiversionView(group.Targets[0], outcome);
            call.Emit(call.Event(CallEventKind.Diverted) with { Party = group.Targets[0], Outcome = outcome });
        }

        var reason = outcome switch
        {
            RingOutcome.Busy => CallEndReason.Busy,
            RingOutcome.NoAnswer => CallEndReason.NoAnswer,
            RingOutcome.Unavailable or RingOutcome.Absent or RingOutcome.Forwarded or RingOutcome.ForwardingCut => CallEndReason.Unavailable,
            RingOutcome.Refused or RingOutcome.HungUp or RingOutcome.Returned or RingOutcome.PassedBack => CallEndReason.Rejected,
            _ => throw new System.Diagnostics.UnreachableException($"RingOutcome {outcome}"),
        };
        Follow(rule, status, reason);
    }

    /// <summary>
    /// Ends the call for want of anyone to take it: before an answer with <paramref name="status"/>;
    /// after one (a menu led here) with a spoken reason and a BYE.
    /// </summary>
    public void Finish(int status, CallEndReason reason, string? phrase)
    {
        if (!call.CallerAnswered)
        {
            call.Refuse(status, phrase, reason);
            return;
        }

        var prompt = reason switch
        {
            CallEndReason.Busy => "optaget",
            CallEndReason.NoAnswer or CallEndReason.Unavailable => "intet-svar",
            CallEndReason.CallerHungUp or CallEndReason.CalleeHungUp or CallEndReason.CallerCancelled or CallEndReason.Rejected
                or CallEndReason.Failed or CallEndReason.Completed or CallEndReason.Transferred or CallEndReason.Shutdown or CallEndReason.PlatformRestarted => "farvel",
            _ => throw new System.Diagnostics.UnreachableException($"CallEndReason {reason}"),
        };
        call.PlayThen([prompt], () => call.HangUp(reason));
    }

    /// <summary>
    /// Rings every phone of the group's targets. No phone registered counts as busy (the policy's
    /// words: "all busy or nobody logged in"), and so does a person already in a call when the
    /// caller is from outside (the policy: a busy direct line goes to the switchboard) or is being
    /// put through (an operator's transfer rings nobody who is in a call: camp-on is for that).
    /// </summary>
    public void RingFor(RingGroup group, TimeSpan limit, bool ringback)
    {
        var bindings = group.Targets.SelectMany(e => services.Bindings.Lookup(e)).ToList();
        if (bindings.Count == 0)
        {
            call.RingFailed(group, RingOutcome.Unavailable, SipStatus.TemporarilyUnavailable);
        }
        else if ((fromOutside || group.Purpose == RingPurpose.Transfer) && group.Targets.Count > 0 && group.Targets.All(services.Activity.IsBusy))
        {
            call.RingFailed(group, RingOutcome.Busy, SipStatus.BusyHere);
        }
        else
        {
            call.Ring(group, bindings, limit, ringback, toTrunk: false);
        }
    }

    /// <summary>
    /// Who of a group to ring: those not coded absent. When every one of them is, all are rung (a
    /// coding left behind must not make a department unreachable; its overflow still applies).
    /// </summary>
    private ImmutableArray<string> Present(ImmutableArray<string> extensions)
    {
        if (extensions.Length < 2)
        {
            return extensions;
        }

        var now = call.Now;
        var present = extensions.RemoveAll(e => services.Staff.Absence.GreetingFor(e, now) is not null);
        return present.IsEmpty ? extensions : present;
    }

    /// <summary>
    /// Plays the greeting first when there is one, and the survey's invitation after it when this
    /// caller is invited (answering the caller for them).
    /// </summary>
    private void GreetThen(Prompt? greeting, Action then)
    {
        var prompts = new List<string>(2);
        if (greeting is not null)
        {
            prompts.Add(PolicyPrompts.Key(greeting.Name));
        }

        if (_invitation is { } invited && survey.Invite(invited) is { } invitation)
        {
            prompts.Add(invitation);
        }

        _invitation = null;
        if (prompts.Count == 0)
        {
            then();
            return;
        }

        call.PlayThen(prompts, then);
    }

    /// <summary>The decision's ring limit; a decision without one rings for the platform's.</summary>
    private TimeSpan RingLimitOf(RoutingDecision decision) =>
        decision.RingLimit.Rings > 0 ? decision.RingLimit.Duration : services.Options.RingLimit;

    /// <summary>What a decision names, for its Routed event.</summary>
    private static string? TargetOf(RoutingDecision d) => d.Kind switch
    {
        DecisionKind.Ring => string.Join(',', d.Extensions),
        DecisionKind.Queue => d.Queue?.Id ?? string.Join(',', d.Extensions),
        DecisionKind.Menu => d.Menu?.Menu.Id,
        DecisionKind.Message => d.Message?.Name,
        DecisionKind.Voicemail => d.VoicemailBox,
        DecisionKind.Forward => d.ExternalNumber,
        DecisionKind.NotFound or DecisionKind.Back or DecisionKind.Hangup => null,
        _ => throw new System.Diagnostics.UnreachableException($"DecisionKind {d.Kind} names no target"),
    };
}
