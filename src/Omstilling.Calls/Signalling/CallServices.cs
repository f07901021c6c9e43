using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Calls.Routing;
using Omstilling.Calls.Trunks;
using Omstilling.Media;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Policy.Outbound;
using Omstilling.Policy.Routing;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// What a call works with, made once by the <see cref="CallManager"/> and handed to every call it
/// starts; a call hands each of its parts only what that part uses. Immutable; the services are
/// thread-safe.
/// </summary>
/// <param name="Faults">Where a call whose next step threw is contained (the call is ended).</param>
/// <param name="Logger">The calls' log (what the queue rings).</param>
internal sealed record CallServices(
    SipStack Stack,
    MediaServer Media,
    PromptLibrary Prompts,
    AudioClip MusicOnHold,
    CallOptions Options,
    BindingStore Bindings,
    QueueManager Queues,
    PhoneActivity Activity,
    PolicyProvider? PolicyProvider,
    IPolicyState PolicyState,
    TrunkOptions? Trunk,
    DigestClient? TrunkCredentials,
    FaultBoundary Faults,
    ICallRegistry Registry,
    SurveySampler SurveySampler,
    StaffState Staff,
    IVoicemailBoxes Voicemail,
    Microsoft.Extensions.Logging.ILogger Logger)
{
    /// <summary>The policy in force now (a reload swaps it between calls), or null when none is configured.</summary>
    public TelephonePolicy? Policy => PolicyProvider?.Current;

    /// <summary>The toll-fraud guard every way onto the trunk asks (the manager's, so its refusals are counted once).</summary>
    public OutboundGuard Outbound { get; init; } = new(() => PolicyProvider?.Current.Outbound ?? OutboundPermission.Default, Staff.ClassOfService, Logger);

    public SipScheduler Scheduler => Stack.Scheduler;

    public DateTimeOffset Now => Stack.Scheduler.Time.GetUtcNow();

    /// <summary>Whether the extension is one of the switchboard's operators (or a member of its queue).</summary>
    public bool IsOperator(string extension) => Policy?.Operators.Contains(extension) ?? false;

    /// <summary>
    /// Whether a call for the person can go anywhere: a phone of theirs is registered, or their
    /// forwarding (always, or on busy, which covers no phone) or their absence takes it. One rule for
    /// a call dialled to them, an operator's transfer and a phone's REFER.
    /// </summary>
    public bool CanTake(string extension, DateTimeOffset now) =>
        Bindings.Lookup(extension).Count > 0
        || Staff.Forwarding.ForwardingOf(extension, ForwardCondition.Always) is not null
        || Staff.Forwarding.ForwardingOf(extension, ForwardCondition.Busy) is not null
        || Staff.Absence.GreetingFor(extension, now) is not null;

    /// <summary>How long a transfer target rings: their own ring limit in the policy, else the organisation's, else the platform's.</summary>
    public TimeSpan RingLimitFor(string extension)
    {
        if (Policy is { } policy)
        {
            if (policy.People.TryGetValue(extension, out var person) && person.RingLimit.Rings > 0)
            {
                return person.RingLimit.Duration;
            }

            if (policy.RingLimit.Rings > 0)
            {
                return policy.RingLimit.Duration;
            }
        }

        return Options.RingLimit;
    }
}
