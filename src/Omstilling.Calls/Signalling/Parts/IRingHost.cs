using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Signalling;

/// <summary>What a <see cref="Ringer"/> tells its call (or call-back) about its ringing; under the call's lock.</summary>
internal interface IRingHost : ICallBasics
{
    /// <summary>A phone of the ringing for the caller rings: its 180/183 goes to a caller not yet answered.</summary>
    void OnRinging(SipResponse response);

    /// <summary>A phone of <paramref name="group"/> answered (ACKed, its SDP usable) while the group still rang.</summary>
    void OnAnswered(RingGroup group, Branch branch);

    /// <summary>Every phone of <paramref name="group"/> refused (the group has failed).</summary>
    void OnRingFailed(RingGroup group);

    /// <summary>The ring limit of <paramref name="group"/> passed while it still rang.</summary>
    void OnRingLimit(RingGroup group);

    /// <summary>Whether an answer for <paramref name="group"/> can still be taken (the call goes on, and nobody else took the caller).</summary>
    bool Takes(RingGroup group);
}
