using Omstilling.Calls.Control;

namespace Omstilling.Calls.Signalling;

/// <summary>A call as the console shows it, read from its parts (under the call's lock).</summary>
internal static class CallViews
{
    public static CallView Of(Call call, Connection connection, QueuedCaller queue, MenuRunner menus, PolicyRunner policy, Transfers transfers, Recalls recalls) =>
        new(
            call.Id,
            call.Caller,
            call.Dialled,
            call.StartedAt,
            call.State,
            connection.Party?.Party,
            connection.AnsweredAt,
            connection.HandledBy,
            queue.Queue?.Id,
            [.. menus.Choices],
            connection.State == ConnectionState.OnHold,
            policy.Diversion,
            transfers.Session?.View(),
            recalls.Current?.View());
}
