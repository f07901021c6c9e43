namespace Omstilling.Calls;

/// <summary>Settings of call handling. Immutable.</summary>
public sealed record CallOptions
{
    /// <summary>
    /// Rings before an unanswered call gives up: the policy's "answer within 4 rings" (docs/policy.md, "Ring limit").
    /// </summary>
    public int RingLimitRings { get; init; } = 4;

    /// <summary>One ring of the Danish cadence: 1 s tone and 4 s pause.</summary>
    public TimeSpan RingCadence { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RingLimit => RingCadence * RingLimitRings;

    /// <summary>
    /// How long an external number the policy forwards to (a duty mobile) may ring: the ring limit
    /// is the municipality's promise for its own phones, so the far end decides within this bound.
    /// </summary>
    /// <summary>How many forwardings one call follows without a policy (the policy's <c>forwarding: max-chain</c> decides when there is one).</summary>
    public int MaxForwardingHops { get; init; } = 3;

    public TimeSpan ExternalRingLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a caller waits for a busy person (camp-on) before the call comes back to the switchboard.</summary>
    public TimeSpan CampOnLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where voicemail recordings go, one folder per box.</summary>
    public string VoicemailFolder { get; init; } = Path.Combine("data", "voicemail");

    /// <summary>A voicemail shorter than this is not kept (a caller who hung up at the tone leaves no empty message).</summary>
    public TimeSpan ShortestVoicemail { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A voicemail (or a greeting recorded by phone) ends at this length.</summary>
    public TimeSpan LongestVoicemail { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Seeds the choice of which callers the post-call survey invites (its share is the policy's),
    /// so a simulated day is the same every time; null: a different choice each run.
    /// </summary>
    public int? SurveySeed { get; init; }

    /// <summary>How long an invited caller has to answer the survey's question after it is read.</summary>
    public TimeSpan SurveyAnswerTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Message-waiting indication to the phones (RFC 3842): subscriptions' lengths and limits, unsolicited NOTIFYs.</summary>
    public MessageWaitingOptions MessageWaiting { get; init; } = new();
}
