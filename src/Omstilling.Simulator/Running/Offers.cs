using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Running;

/// <summary>How a simulated person's phone takes an offered call: rings, then answers after the delay or lets it ring out.</summary>
internal static class Offers
{
    /// <summary>How a phone takes a call the script does not know (someone calling the demo for real): answered after 3 s.</summary>
    public static OfferAnswer Stranger { get; } = OfferAnswer.After(TimeSpan.FromSeconds(3));

    /// <summary>How long a call the script does not know is talked with.</summary>
    public static TimeSpan StrangerTalk { get; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a rung-out offer may ring before the phone stops waiting for the server to take it back.</summary>
    private static readonly TimeSpan LongestRing = TimeSpan.FromSeconds(120);

    /// <summary>Whether the call was answered and is up (false: rung out, or the caller left while it rang).</summary>
    public static async Task<bool> AnswerAsync(IncomingCall call, OfferAnswer offer, TimeProvider time, CancellationToken cancellationToken)
    {
        await call.RingAsync(cancellationToken);
        if (offer.RingsOut)
        {
            if (!await call.EndsWithinAsync(LongestRing, time, cancellationToken))
            {
                await call.RejectAsync(486, cancellationToken); // the server never took it back: say busy
            }

            return false;
        }

        if (await call.EndsWithinAsync(offer.Delay, time, cancellationToken))
        {
            return false; // the caller gave up, or the server offered the call elsewhere
        }

        await call.AnswerAsync(cancellationToken);
        return await call.Answered;
    }
}
