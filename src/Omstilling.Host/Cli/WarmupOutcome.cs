namespace Omstilling.Host.Cli;

/// <summary>What a start-up warm-up did. Immutable.</summary>
/// <param name="Elapsed">From its start until everything it made was gone again.</param>
/// <param name="Calls">Calls answered and hung up.</param>
/// <param name="Registrations">REGISTERs the private registrar accepted (each after its digest challenge).</param>
/// <param name="HistoryEvents">Call events its own history wrote (<see cref="WarmupHistory"/>).</param>
/// <param name="MethodsCompiled">Methods the JIT compiled meanwhile, in the whole process (every tier).</param>
/// <param name="Problem">Why it stopped before the JIT went quiet; null when it did not.</param>
internal sealed record WarmupOutcome(TimeSpan Elapsed, int Calls, int Registrations, long HistoryEvents, long MethodsCompiled, string? Problem);
