using System.Diagnostics;
using System.Globalization;
using Omstilling.History.Reports;
using Omstilling.Web.Console;
using Omstilling.Web.Live;

namespace Omstilling.Web.Wallboard;

/// <summary>
/// What the wallboard shows at one moment, in Danish: callers waiting and the longest wait, the
/// operators by what they do, and today's three goals against their targets. Made from the shared
/// board snapshot and the shared goals, so a wallboard does no work of its own but format. Immutable.
/// </summary>
/// <param name="Waiting">Callers waiting in the switchboard's queue.</param>
/// <param name="LongestWait">How long the first of them has waited; null when nobody waits.</param>
/// <param name="Away">Operators whose phone is off or who logged out of the queue.</param>
/// <param name="Goals">Today's goals; empty when there is no history to measure them from.</param>
/// <param name="Clock">The time of day, as the wall reads it ("kl. 10.32").</param>
public sealed record WallboardView(
    int Waiting,
    TimeSpan? LongestWait,
    IReadOnlyList<string> Free,
    IReadOnlyList<string> Busy,
    IReadOnlyList<string> Paused,
    int Away,
    IReadOnlyList<GoalTile> Goals,
    string Clock)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>"2:05" (minutes and seconds), "1:02:05" past an hour, "–" when nobody waits.</summary>
    public string LongestWaitText => LongestWait is not { } wait
        ? "–"
        : wait.TotalHours >= 1
            ? wait.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : wait.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <param name="board">The switchboard now (the consoles' snapshot).</param>
    /// <param name="goals">Today's figures, or null before the first computation (or without a history).</param>
    /// <param name="ringLimit">The policy's answer-within rings, for the first goal's name.</param>
    /// <param name="nameOf">An operator's name from their extension.</param>
    public static WallboardView Of(BoardSnapshot board, KpiReport? goals, bool goalsAvailable, int ringLimit, DateTimeOffset now, TimeZoneInfo zone, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(nameOf);
        var free = new List<string>();
        var busy = new List<string>();
        var paused = new List<string>();
        var away = 0;
        foreach (var member in board.Operators)
        {
            var status = OperatorStatus.Of(member, board.Waiting);
            switch (status.Activity)
            {
                case OperatorActivity.Ready:
                    free.Add(nameOf(member.Extension));
                    break;
                case OperatorActivity.InCall:
                case OperatorActivity.Ringing:
                    busy.Add(nameOf(member.Extension));
                    break;
                case OperatorActivity.Paused:
                    paused.Add(nameOf(member.Extension));
                    break;
                case OperatorActivity.PhoneOffline:
                case OperatorActivity.LoggedOut:
                    away++;
                    break;
                default:
                    throw new UnreachableException($"Not an operator activity: {status.Activity}");
            }
        }

        TimeSpan? longest = board.Waiting.Count == 0 ? null : Max(TimeSpan.Zero, now - board.Waiting.Min(w => w.Since));
        var tiles = !goalsAvailable
            ? []
            : new[]
            {
                GoalTile.Of("answered", $"Besvaret inden for {ringLimit} ring", goals?.AnsweredWithinRingLimit),
                GoalTile.Of("transferred", "Korrekt omstillet", goals?.CorrectlyTransferred),
                GoalTile.Of("satisfied", "Tilfredse borgere", goals?.Satisfied),
            };
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new WallboardView(board.Waiting.Count, longest, free, busy, paused, away, tiles, "kl. " + local.ToString("HH.mm", Danish));
    }

    /// <summary>A percentage as Danes write it: "83,3 %".</summary>
    internal static string Percent(double value) => value.ToString("0.#", Danish) + " %";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
