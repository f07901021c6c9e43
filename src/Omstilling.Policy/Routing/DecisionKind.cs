namespace Omstilling.Policy.Routing;

/// <summary>What the call engine does with a call.</summary>
public enum DecisionKind
{
    /// <summary>The number is not in the plan: the engine answers 404.</summary>
    NotFound = 0,
    /// <summary>Ring <see cref="RoutingDecision.Extensions"/> together for the ring limit.</summary>
    Ring = 1,
    /// <summary>Put the caller in <see cref="RoutingDecision.Queue"/>.</summary>
    Queue = 2,
    /// <summary>Play <see cref="RoutingDecision.Menu"/> and wait for a key.</summary>
    Menu = 3,
    /// <summary>Play <see cref="RoutingDecision.Message"/>, then <see cref="RoutingDecision.AfterMessage"/>.</summary>
    Message = 4,
    /// <summary>Record a message for <see cref="RoutingDecision.VoicemailBox"/>.</summary>
    Voicemail = 5,
    /// <summary>Forward to <see cref="RoutingDecision.ExternalNumber"/> through the trunk.</summary>
    Forward = 6,
    /// <summary>Return to the previous menu.</summary>
    Back = 7,
    /// <summary>End the call.</summary>
    Hangup = 8,
}
