namespace Omstilling.Simulator.Running;

/// <summary>How a script is played against a server.</summary>
/// <param name="Operators">The switchboard's operators whose phones the simulator registers and answers, with their SIP passwords.</param>
/// <param name="Speed">How many times faster than the day the calls arrive and the talks last (1 = real time). Ringing, the greeting and the survey stay in real time: they are what is measured.</param>
/// <param name="From">The time of day to start at (the calls before it are skipped); null: at the day's first call.</param>
/// <param name="Until">The time of day to stop at (no call after it starts); null: the day's end.</param>
public sealed record SimulationOptions(IReadOnlyList<PhoneAccount> Operators, double Speed = 60, TimeSpan? From = null, TimeSpan? Until = null)
{
    /// <summary>The colleagues' phones calls are put through to (registered only when there is a console to transfer from).</summary>
    public IReadOnlyList<PhoneAccount> Staff { get; init; } = [];

    /// <summary>The phones of the staff whose direct numbers citizens dial (registered always: a direct call needs no console).</summary>
    public IReadOnlyList<PhoneAccount> DirectStaff { get; init; } = [];

    /// <summary>A talk, sped up, lasts at least this long (a conversation of a second is not a call).</summary>
    public static TimeSpan ShortestTalk { get; } = TimeSpan.FromSeconds(2);

    public TimeSpan RealTime(TimeSpan simulated) => TimeSpan.FromTicks((long)(simulated.Ticks / Speed));

    public TimeSpan TalkTime(TimeSpan simulated) => RealTime(simulated) is var real && real > ShortestTalk ? real : ShortestTalk;
}

/// <summary>A SIP account the simulator uses for a phone.</summary>
public sealed record PhoneAccount(string User, string Password);
