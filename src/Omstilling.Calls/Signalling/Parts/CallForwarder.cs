using System.Collections.Immutable;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Routing;
using Omstilling.Calls.Signalling.Referral;
using Omstilling.Policy.Outbound;

namespace Omstilling.Calls.Signalling;

/// <summary>One forwarding a call followed: from whose extension, on which condition, to which number.</summary>
/// <param name="PersonName">The name the receiving phone shows ("Anne Sørensen (viderestillet)").</param>
internal sealed record ForwardHop(string From, string PersonName, ForwardCondition Condition, string Target)
{
    /// <summary>RFC 5806's reason for the Diversion header.</summary>
    public string Reason => Condition switch
    {
        ForwardCondition.Always => "unconditional",
        ForwardCondition.Busy => "user-busy",
        ForwardCondition.NoAnswer => "no-answer",
        _ => throw new System.Diagnostics.UnreachableException($"ForwardCondition {Condition}"),
    };
}

/// <summary>Where a forwarding leads: a colleague's phone, or a number the policy routes (a department, the switchboard).</summary>
/// <param name="Outside">For a number outside: the toll-fraud guard's leave, asked for the person who forwarded.</param>
internal sealed record ForwardStep(ForwardHop Hop, PhoneTransferTarget Target, OutboundVerdict? Outside = null);

/// <summary>
/// Follows staff forwarding for one call (README, "Forwarding from the phone"): which forwarding
/// applies to a ring of an extension, and the chain so far. A chain is cut (the call goes on as if
/// there were no forwarding) when it would come back to a phone it has already left (a loop, A → B
/// → A) or grow longer than the policy's <c>forwarding: max-chain</c> (without a policy,
/// <see cref="CallOptions.MaxForwardingHops"/>); a number that leads
/// nowhere, or outside where the toll-fraud guard does not allow it for the person, is not followed either, nor one of the plan without a policy. Owned by its call; under its lock.
/// </summary>
internal sealed class CallForwarder(ICallBasics call, CallServices services)
{
    private ImmutableArray<ForwardHop> _hops = [];

    /// <summary>The forwardings followed so far, the first first.</summary>
    public ImmutableArray<ForwardHop> Hops => _hops;

    /// <summary>A transfer starts a new chain: the forwardings before it are no longer the call's (nor told to the next phone).</summary>
    public void Restart() => _hops = [];

    /// <summary>The forwarding to follow for a ring of <paramref name="extension"/> on the condition, or null (none, or cut).</summary>
    public ForwardStep? Next(string extension, ForwardCondition condition)
    {
        if (services.Staff.Forwarding.ForwardingOf(extension, condition) is not { } forwarding)
        {
            return null;
        }

        var target = services.Registry.ResolveTransferTarget(forwarding.Target);
        var loops = _hops.Any(h => h.From == extension)
            || (target.Kind == PhoneTransferTargetKind.Person && (target.Extension == extension || _hops.Any(h => h.From == target.Extension)));
        // A number outside is asked again when followed: the person's class or the policy may have changed since it was set.
        var outside = target.Kind == PhoneTransferTargetKind.External
            ? services.Outbound.Check(extension, forwarding.Target, OutboundPath.Forwarded, null) is { IsAllowed: true } allowed ? allowed : (OutboundVerdict?)null
            : null;
        var routable = target.Kind == PhoneTransferTargetKind.Person
            || (target.Kind is PhoneTransferTargetKind.Switchboard or PhoneTransferTargetKind.Department && services.Policy is not null)
            || outside is not null;
        if (loops || !routable || _hops.Length >= (services.Policy?.MaxForwardingChain ?? services.Options.MaxForwardingHops))
        {
            call.Emit(call.Event(CallEventKind.Diverted) with { Party = extension, Outcome = RingOutcome.ForwardingCut, Target = forwarding.Target });
            return null;
        }

        var hop = new ForwardHop(extension, forwarding.PersonName, condition, forwarding.Target);
        _hops = _hops.Add(hop);
        call.Emit(call.Event(CallEventKind.Diverted) with { Party = extension, Outcome = RingOutcome.Forwarded, Target = forwarding.Target });
        return new ForwardStep(hop, target, outside);
    }
}
