using Omstilling.Calls.Control;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Media.Players;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="TransferSession"/>'s state machine for each kind of transfer: blind (Announcing →
/// RingingTarget), camp-on (WaitingForFree → RingingTarget) and announced (Consulting → Talking,
/// → ConsultFailed, or → RingingTarget when the operator hangs up while it rings: ContinueBlind).
/// Every other step is refused and leaves the session as it was; the session's limit and the
/// operator's tone stop when the consultation is over.
/// </summary>
public sealed class TransferSessionTests
{
    /// <summary>Every state with every step: the state after it, or "refused".</summary>
    public static TheoryData<string, string, string> Transitions()
    {
        var rows = new TheoryData<string, string, string>();
        string[] steps = ["RingTarget", "ConsultAnswered", "ConsultationFailed", "ContinueBlind", "StartConsultation"];
        var allowed = new Dictionary<(string, string), string>
        {
            [("Announcing", "RingTarget")] = "RingingTarget",
            [("WaitingForFree", "RingTarget")] = "RingingTarget",
            [("Consulting", "ConsultAnswered")] = "Talking",
            [("Consulting", "ConsultationFailed")] = "ConsultFailed",
            [("Consulting", "ContinueBlind")] = "RingingTarget",
            [("Consulting", "StartConsultation")] = "Consulting",
        };
        foreach (var state in Enum.GetNames<TransferState>())
        {
            foreach (var step in steps)
            {
                rows.Add(state, step, allowed.GetValueOrDefault((state, step), "refused"));
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Each_step_leads_from_each_state_where_the_table_says_or_is_refused(string from, string step, string to)
    {
        await using var b = new SessionBench();
        var session = b.SessionIn(Enum.Parse<TransferState>(from));
        var kind = session.Kind;

        var refused = Record.Exception(() => b.Take(session, step));

        if (to == "refused")
        {
            Assert.IsType<InvalidOperationException>(refused);
            Assert.Equal((Enum.Parse<TransferState>(from), kind), (session.State, session.Kind));
        }
        else
        {
            Assert.Null(refused);
            Assert.Equal(Enum.Parse<TransferState>(to), session.State);
        }

        Assert.Equal(session.State == TransferState.RingingTarget, session.Rung);
    }

    [Theory]
    [InlineData("Blind", "Announcing")]
    [InlineData("CampOn", "WaitingForFree")]
    [InlineData("Announced", "Consulting")]
    public void Each_kind_of_transfer_starts_where_it_should(string kind, string state)
    {
        var session = new TransferSession(Enum.Parse<TransferKind>(kind), "2002", "Bo Jensen", "100", DateTimeOffset.UnixEpoch);

        Assert.Equal(Enum.Parse<TransferState>(state), session.State);
        Assert.Equal(kind == "Announced", session.IsAnnounced);
        Assert.False(session.Rung);
    }

    [Fact]
    public async Task Continue_blind_rings_the_same_phones_for_the_caller_as_a_blind_transfer()
    {
        await using var b = new SessionBench();
        var session = b.SessionIn(TransferState.Consulting);
        var consultation = session.Consultation!;
        session.PlayToOperator(b.Operator, b.Rig.Clock, b.Rig.Music, loop: true);

        session.ContinueBlind();

        Assert.Equal((TransferState.RingingTarget, TransferKind.Blind, false), (session.State, session.Kind, session.IsAnnounced));
        Assert.Same(consultation, session.Consultation);
        Assert.Equal(RingPurpose.Transfer, consultation.Purpose);
        Assert.Null(session.OperatorPlayer);
    }

    [Fact]
    public async Task A_consultation_whose_ringing_is_over_cannot_go_on_blind()
    {
        await using var b = new SessionBench();
        var session = b.SessionIn(TransferState.Consulting);
        session.Consultation!.Abandon();

        Assert.Throws<InvalidOperationException>(session.ContinueBlind);

        Assert.Equal(RingPurpose.Consultation, session.Consultation.Purpose);
    }

    [Fact]
    public async Task The_target_answering_the_operator_stops_the_operators_tone_and_keeps_the_target_and_the_bridge()
    {
        await using var b = new SessionBench();
        var session = b.SessionIn(TransferState.Consulting);
        session.PlayToOperator(b.Operator, b.Rig.Clock, b.Rig.Music, loop: true);
        using var bridge = new Bridge(b.Operator.Media.Stream, b.Target.Media.Stream, b.Rig.Clock, b.Rig.Music);

        session.ConsultAnswered(b.Target, bridge);

        Assert.Same(b.Target, session.Consult);
        Assert.Same(bridge, session.ConsultBridge);
        Assert.Null(session.OperatorPlayer);
        Assert.True(session.View().Answered);

        session.EndConsultBridge();
        Assert.Null(session.ConsultBridge);
        Assert.Null(b.Operator.Media.Stream.Listener);
    }

    [Fact]
    public async Task A_failed_consultation_says_why_and_leaves_the_choices_to_the_operator()
    {
        await using var b = new SessionBench();
        var session = b.SessionIn(TransferState.Consulting);

        session.ConsultationFailed(RingOutcome.Busy);

        Assert.Equal(RingOutcome.Busy, session.Failed);
        Assert.Equal(new TransferView(TransferKind.Announced, "2002", "Bo Jensen", "100", b.Rig.Now, false, RingOutcome.Busy), session.View());
        Assert.True(session.IsAnnounced); // still the operator's announced transfer, until they choose
    }

    [Theory]
    [InlineData("none")]
    [InlineData("ConsultAnswered")]
    [InlineData("ConsultationFailed")]
    [InlineData("ContinueBlind")]
    [InlineData("Stop")]
    public async Task The_sessions_limit_fires_unless_the_consultation_ended_first(string step)
    {
        await using var b = new SessionBench();
        var session = b.SessionIn(TransferState.Consulting);
        var fired = 0;
        session.ArmLimit(b.Rig.Server.Scheduler, TimeSpan.FromSeconds(20), _ => fired++);
        if (step == "Stop")
        {
            session.Stop();
        }
        else if (step != "none")
        {
            b.Take(session, step);
        }

        b.Rig.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(step == "none" ? 1 : 0, fired);
    }

    /// <summary>Sessions of each kind, brought to a state, with an operator's leg (100) and a target's (2002).</summary>
    private sealed class SessionBench : IAsyncDisposable
    {
        public SessionBench()
        {
            var group = new RingGroup(RingPurpose.Call, ["100"]);
            Operator = Rig.Branch(group, "100");
            Target = Rig.Branch(group, "2002");
        }

        public PartsRig Rig { get; } = new();

        public Branch Operator { get; }

        public Branch Target { get; }

        public TransferSession SessionIn(TransferState state)
        {
            var kind = state switch
            {
                TransferState.Announcing => TransferKind.Blind,
                TransferState.WaitingForFree or TransferState.RingingTarget => TransferKind.CampOn,
                TransferState.Consulting or TransferState.Talking or TransferState.ConsultFailed => TransferKind.Announced,
                _ => throw new ArgumentOutOfRangeException(nameof(state)),
            };
            var session = new TransferSession(kind, "2002", "Bo Jensen", "100", Rig.Now);
            if (kind == TransferKind.Announced)
            {
                Take(session, "StartConsultation");
            }

            switch (state)
            {
                case TransferState.RingingTarget:
                    Take(session, "RingTarget");
                    break;
                case TransferState.Talking:
                    Take(session, "ConsultAnswered");
                    break;
                case TransferState.ConsultFailed:
                    Take(session, "ConsultationFailed");
                    break;
            }

            Assert.Equal(state, session.State);
            return session;
        }

        public void Take(TransferSession session, string step)
        {
            switch (step)
            {
                case "RingTarget":
                    session.RingTarget();
                    break;
                case "ConsultAnswered":
                    session.ConsultAnswered(Target, new Bridge(Operator.Media.Stream, Target.Media.Stream, Rig.Clock, Rig.Music));
                    break;
                case "ConsultationFailed":
                    session.ConsultationFailed(RingOutcome.NoAnswer);
                    break;
                case "ContinueBlind":
                    session.ContinueBlind();
                    break;
                case "StartConsultation":
                    session.StartConsultation(new RingGroup(RingPurpose.Consultation, ["2002"]));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(step));
            }
        }

        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
