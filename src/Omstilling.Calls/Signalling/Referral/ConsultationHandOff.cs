using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling.Referral;

/// <summary>What a phone's consultation call has reached, for deciding before anything changes whether it may be joined to the caller.</summary>
/// <param name="Answered">The colleague who answered, or null while their phone still rings.</param>
/// <param name="AnsweredToTrunk">The one who answered is a number outside, reached through the trunk.</param>
/// <param name="Dialled">The number the consultation dialled.</param>
internal readonly record struct ConsultationPeek(string? Answered, bool AnsweredToTrunk, string Dialled);

/// <summary>
/// What a phone's consultation call gave up for an attended transfer: the colleague's answered leg
/// (made a branch of the transferred call, <see cref="Branch.HandOver"/>), or, when the phone
/// completed before the colleague answered, only whom it rang (a blind transfer to them follows).
/// </summary>
/// <param name="Answered">The colleague's leg, answered; null when they had not answered yet.</param>
/// <param name="Extension">The colleague's extension (or the number the consultation dialled, when it still rang).</param>
internal sealed record ConsultationHandOff(Branch? Answered, string Extension)
{
    /// <summary>The transferred call could not take the leg (it ended meanwhile): the colleague is hung up.</summary>
    public void Release(SipStack stack, IClientTransactionOwner responses)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (Answered is not { State: BranchState.Answered, Dialog: { } dialog } leg)
        {
            return;
        }

        leg.Released();
        stack.SendRequest(dialog.CreateRequest(SipMethod.Bye), dialog.Peer, responses);
        leg.Media.Close();
    }
}
