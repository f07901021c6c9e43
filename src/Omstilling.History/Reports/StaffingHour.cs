namespace Omstilling.History.Reports;

/// <summary>One local hour of the day in the staffing view (<see cref="Staffing"/>). Immutable.</summary>
/// <param name="Hour">The local hour (0 = 00–01).</param>
/// <param name="ArrivalsPerDay">Calls from outside to the switchboard's queues in this hour, on average over the days the switchboard had calls.</param>
/// <param name="AverageHandling">The operators' mean handling time of the calls they answered in this hour; null when they answered none.</param>
/// <param name="TrafficErlangs">Arrivals times handling time: how many operators would be busy all the hour.</param>
/// <param name="OperatorsNeeded">Erlang C: the fewest operators who answer the ring limit's share within the ring limit; null without a target.</param>
/// <param name="OperatorsAnswering">Operators who answered switchboard calls in this hour, on average over the same days (not those logged in: the history does not record logins).</param>
public sealed record StaffingHour(int Hour, double ArrivalsPerDay, TimeSpan? AverageHandling, double TrafficErlangs, int? OperatorsNeeded, double OperatorsAnswering);
