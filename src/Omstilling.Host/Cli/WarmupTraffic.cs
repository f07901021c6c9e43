using System.Globalization;
using System.Security.Cryptography;
using Omstilling.Simulator.Phones;

namespace Omstilling.Host.Cli;

/// <summary>
/// The warm-up's traffic: in rounds, the callee's phone registers again (REGISTER, 401, REGISTER
/// with credentials) and the caller's phone makes a batch of calls to it at once (INVITE, 407,
/// INVITE with credentials, 180, 200, ACK, a moment of RTP both ways, BYE), until the JIT compiles
/// next to nothing during a round (the hot methods have reached their last tier) or the time is
/// up. Bounded in rounds and in time.
/// </summary>
internal static class WarmupTraffic
{
    /// <summary>The warm-up never takes longer than this (plus the teardown), however busy the machine.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Not shorter than this: tiered compilation promotes a method only after it has been called
    /// 30 times and 100 ms passed without new methods, and with PGO in two steps, on a background
    /// thread; on a quiet machine three rounds without new methods came after one second, before
    /// most of the promotions (bench/RESULTS.md, cold start).
    /// </summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(3);

    /// <summary>Nor fewer calls than this, for the same reason.</summary>
    public const int MinCalls = 1_000;

    /// <summary>Rounds at most, whatever the clock says.</summary>
    public const int MaxRounds = 500;

    /// <summary>Calls placed at once in each round, at most: fewer when the RTP range is small (<see cref="CallsPerRound"/>).</summary>
    public const int MaxCallsPerRound = 40;

    /// <summary>A round in which the JIT compiled at most this many methods counts as quiet.</summary>
    public const int QuietMethods = 5;

    /// <summary>Quiet rounds in a row that end the warm-up (about a second at 40 calls a round: the JIT promotes on a background thread, in bursts).</summary>
    public const int QuietRounds = 6;

    /// <summary>How long each call talks: long enough for a few 20 ms RTP packets through the relay.</summary>
    private static readonly TimeSpan TalkTime = TimeSpan.FromMilliseconds(60);

    /// <summary>How long one step of a call may take before the warm-up gives up on it.</summary>
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(5);

    /// <summary>Two private accounts with random passwords, on numbers the policy does not claim.</summary>
    public static WarmupCredentials Accounts(Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var free = Enumerable.Range(0, 1000)
            .Select(i => (990_000 + (i * 2)).ToString(CultureInfo.InvariantCulture))
            .Where(n => !taken(n) && !taken(Next(n)))
            .FirstOrDefault() ?? throw new InvalidOperationException("no two free numbers for the warm-up's phones");
        return new WarmupCredentials(free, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Next(free), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

        static string Next(string number) => (int.Parse(number, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Calls at once for an RTP range of <paramref name="ports"/> ports: each call takes four port
    /// pairs, eight ports (two legs at the private server, two phones), and a fifth of the range
    /// is left for ports other programs hold: ports / 8 * 4 / 5.
    /// </summary>
    public static int CallsPerRound(int ports) => Math.Clamp(ports / 10, 1, MaxCallsPerRound);

    public static async Task<(int Calls, int Registrations, string? Problem)> RunAsync(PhoneNetwork phones, WarmupCredentials credentials, int callsPerRound, TimeProvider time, long started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(credentials);
        var caller = phones.Phone(credentials.Caller, credentials.CallerPassword);
        var callee = phones.Phone(credentials.Callee, credentials.CalleePassword);
        callee.Incoming = async (call, ct) =>
        {
            await call.RingAsync(ct);
            await call.AnswerAsync(ct);
        };

        int calls = 0, registrations = 0, quietRounds = 0;
        for (var round = 0; round < MaxRounds && time.GetElapsedTime(started) < MaxDuration; round++)
        {
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
            try
            {
                await callee.RegisterAsync(TimeSpan.FromMinutes(5), cancellationToken).WaitAsync(StepLimit, time, cancellationToken);
                registrations++;
                var batch = await Task.WhenAll(Enumerable.Range(0, callsPerRound).Select(_ => CallAsync(caller, credentials.Callee, time, cancellationToken)));
                calls += batch.Count(answered => answered);
                if (batch.Any(answered => !answered))
                {
                    return (calls, registrations, "a call of the warm-up was not answered");
                }
            }
            catch (Exception e) when (e is PhoneException or TimeoutException)
            {
                return (calls, registrations, e.Message);
            }

            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - methods;
            quietRounds = compiled <= QuietMethods ? quietRounds + 1 : 0;
            if (quietRounds >= QuietRounds && calls >= MinCalls && time.GetElapsedTime(started) >= MinDuration)
            {
                break;
            }
        }

        await callee.UnregisterAsync(cancellationToken).WaitAsync(StepLimit, time, cancellationToken);
        return (calls, registrations, null);
    }

    /// <summary>One call from start to end; whether it was answered.</summary>
    private static async Task<bool> CallAsync(SimulatedPhone caller, string number, TimeProvider time, CancellationToken cancellationToken)
    {
        var call = caller.Call(number);
        if (!await call.Answered.WaitAsync(StepLimit, time, cancellationToken))
        {
            return false;
        }

        await Task.Delay(TalkTime, time, cancellationToken);
        await call.HangUpAsync(cancellationToken).WaitAsync(StepLimit, time, cancellationToken);
        return true;
    }
}
