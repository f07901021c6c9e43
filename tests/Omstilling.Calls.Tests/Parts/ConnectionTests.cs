using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Media.Rtp;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="Connection"/>'s state machine: Alone → Talking (a phone answered) → OnHold (the
/// console's hold) → Talking → Consulting (the operator consults) → Talking (back) → Alone (the
/// party left); holding what is not talking, or taking back what is not held, is refused; a phone
/// taking the caller back itself ends the console's hold. Music plays to the held caller only.
/// </summary>
public sealed class ConnectionTests
{
    /// <summary>Every state with every step: the state after it (and, for hold and take-back, whether it was done).</summary>
    public static TheoryData<string, string, string> Transitions() => new()
    {
        { "Alone", "Connect", "Talking" },
        { "Alone", "Leave", "Alone" },
        { "Alone", "Hold", "Alone refused" },
        { "Alone", "TakeOffHold", "Alone refused" },
        { "Alone", "Consult", "Consulting" },
        { "Alone", "Reconnect", "Alone" },
        { "Alone", "PhoneHolds", "Alone" },
        { "Alone", "PhoneTakesBack", "Alone" },
        { "Talking", "Connect", "Talking" },
        { "Talking", "Leave", "Alone" },
        { "Talking", "Hold", "OnHold" },
        { "Talking", "TakeOffHold", "Talking refused" },
        { "Talking", "Consult", "Consulting" },
        { "Talking", "Reconnect", "Talking" },
        { "Talking", "PhoneHolds", "Talking" },
        { "Talking", "PhoneTakesBack", "Talking" },
        { "OnHold", "Connect", "Talking" },
        { "OnHold", "Leave", "Alone" },
        { "OnHold", "Hold", "OnHold refused" },
        { "OnHold", "TakeOffHold", "Talking" },
        { "OnHold", "Consult", "Consulting" },
        { "OnHold", "Reconnect", "Talking" },
        { "OnHold", "PhoneHolds", "OnHold" },
        { "OnHold", "PhoneTakesBack", "Talking" },
        { "Consulting", "Connect", "Talking" },
        { "Consulting", "Leave", "Alone" },
        { "Consulting", "Hold", "Consulting refused" },
        { "Consulting", "TakeOffHold", "Consulting refused" },
        { "Consulting", "Consult", "Consulting" },
        { "Consulting", "Reconnect", "Talking" },
        { "Consulting", "PhoneHolds", "Consulting" },
        { "Consulting", "PhoneTakesBack", "Consulting" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Each_step_leads_from_each_state_where_the_table_says(string from, string step, string to)
    {
        await using var b = new ConnectionBench();
        b.BringTo(Enum.Parse<ConnectionState>(from));

        var done = b.Take(step);

        var (state, refused) = (to.Split(' ')[0], to.EndsWith(" refused", StringComparison.Ordinal));
        Assert.Equal(Enum.Parse<ConnectionState>(state), b.Connection.State);
        if (step is "Hold" or "TakeOffHold")
        {
            Assert.Equal(!refused, done);
        }

        Assert.Equal(b.Connection.State is ConnectionState.Talking or ConnectionState.OnHold, b.Connection.IsBridged);
    }

    [Fact]
    public void The_table_covers_every_state()
    {
        var states = Transitions().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(Enum.GetNames<ConnectionState>().Order(), states.Order());
    }

    [Fact]
    public async Task Alone_talking_on_hold_talking_consulting_talking_alone_with_music_only_while_the_caller_waits()
    {
        await using var b = new ConnectionBench();
        Assert.Equal((ConnectionState.Alone, (Branch?)null), (b.Connection.State, b.Connection.Party));

        var players = b.Rig.Clock.Count; // the media server's own (its RTCP reports)

        b.Connection.Connect(b.Caller, b.Operator, b.Rig.Now, byOperator: true);
        Assert.Equal((ConnectionState.Talking, players), (b.Connection.State, b.Rig.Clock.Count));

        Assert.True(b.Connection.Hold());
        Assert.Equal((ConnectionState.OnHold, players + 1), (b.Connection.State, b.Rig.Clock.Count)); // music for the caller

        Assert.True(b.Connection.TakeOffHold());
        Assert.Equal((ConnectionState.Talking, players), (b.Connection.State, b.Rig.Clock.Count));

        b.Connection.Consult();
        Assert.Equal((ConnectionState.Consulting, false), (b.Connection.State, b.Connection.IsBridged));
        Assert.Same(b.Operator, b.Connection.Party); // the operator stays the party while consulting

        b.Connection.Reconnect(b.Caller);
        Assert.Equal((ConnectionState.Talking, true), (b.Connection.State, b.Connection.IsBridged));

        Assert.Same(b.Operator, b.Connection.Leave());
        Assert.Equal((ConnectionState.Alone, (Branch?)null, false), (b.Connection.State, b.Connection.Party, b.Connection.IsBridged));
        Assert.Null(b.Caller.Listener);
    }

    [Fact]
    public async Task Keys_from_either_side_of_the_bridge_come_out_with_their_side_and_none_after_the_party_left()
    {
        await using var b = new ConnectionBench();
        b.Connection.Connect(b.Caller, b.Operator);

        b.Caller.Listener!.OnDigit(b.Caller, '5');
        b.Operator.Media.Stream.Listener!.OnDigit(b.Operator.Media.Stream, '#');
        b.Connection.Leave();

        Assert.Equal([(CallSide.Caller, '5'), (CallSide.Callee, '#')], b.Keys);
        Assert.Null(b.Operator.Media.Stream.Listener);
    }

    [Fact]
    public async Task The_first_answer_and_the_operator_who_had_the_call_are_kept_when_the_caller_is_handed_on()
    {
        await using var b = new ConnectionBench();
        var answeredAt = b.Rig.Now;
        b.Connection.Connect(b.Caller, b.Operator, answeredAt, byOperator: true);
        b.Rig.Time.Advance(TimeSpan.FromMinutes(1));

        b.Connection.Connect(b.Caller, b.Target); // the transfer completed

        Assert.Same(b.Target, b.Connection.Party);
        Assert.Equal(answeredAt, b.Connection.AnsweredAt);
        Assert.Equal("100", b.Connection.HandledBy);
        Assert.Null(b.Operator.Media.Stream.Listener); // the operator is out of the bridge
    }

    [Fact]
    public async Task A_hold_from_a_phone_outside_the_bridge_is_ignored()
    {
        await using var b = new ConnectionBench();
        b.Connection.Connect(b.Caller, b.Operator);
        Assert.True(b.Connection.Hold());

        b.Connection.PhoneHeld(b.Target.Media.Stream, held: false);

        Assert.Equal(ConnectionState.OnHold, b.Connection.State);
    }

    /// <summary>A connection, the caller's stream, an operator's leg (100) and a transfer target's (2002).</summary>
    private sealed class ConnectionBench : IAsyncDisposable
    {
        public ConnectionBench()
        {
            Connection = new Connection(Rig.Clock, Rig.Music, (side, key) => Keys.Add((side, key)));
            Caller = Rig.NewMedia().Stream;
            var group = new RingGroup(RingPurpose.Call, ["100"]);
            Operator = Rig.Branch(group, "100");
            Target = Rig.Branch(group, "2002");
        }

        public PartsRig Rig { get; } = new();

        public Connection Connection { get; }

        public RtpStream Caller { get; }

        public Branch Operator { get; }

        public Branch Target { get; }

        public List<(CallSide Side, char Key)> Keys { get; } = [];

        public void BringTo(ConnectionState state)
        {
            switch (state)
            {
                case ConnectionState.Alone:
                    break;
                case ConnectionState.Talking:
                    Connection.Connect(Caller, Operator);
                    break;
                case ConnectionState.OnHold:
                    Connection.Connect(Caller, Operator);
                    Assert.True(Connection.Hold());
                    break;
                case ConnectionState.Consulting:
                    Connection.Connect(Caller, Operator);
                    Connection.Consult();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(state));
            }

            Assert.Equal(state, Connection.State);
        }

        /// <summary>Takes a step; for hold and take-back, whether it was done.</summary>
        public bool Take(string step)
        {
            switch (step)
            {
                case "Connect":
                    Connection.Connect(Caller, Target);
                    return true;
                case "Leave":
                    Connection.Leave();
                    return true;
                case "Hold":
                    return Connection.Hold();
                case "TakeOffHold":
                    return Connection.TakeOffHold();
                case "Consult":
                    Connection.Consult();
                    return true;
                case "Reconnect":
                    Connection.Reconnect(Caller);
                    return true;
                case "PhoneHolds" or "PhoneTakesBack":
                    Connection.PhoneHeld(Operator.Media.Stream, held: step == "PhoneHolds");
                    return true;
                default:
                    throw new ArgumentOutOfRangeException(nameof(step));
            }
        }

        public ValueTask DisposeAsync()
        {
            Connection.Dispose();
            return Rig.DisposeAsync();
        }
    }
}
