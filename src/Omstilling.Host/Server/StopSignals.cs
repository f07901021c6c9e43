using System.Runtime.InteropServices;

namespace Omstilling.Host.Server;

/// <summary>
/// SIGINT (Ctrl+C), SIGTERM and SIGQUIT stop the server gracefully at any moment, also while it
/// is still being composed (the database migrated, prompts spoken) before the host's own console
/// lifetime listens: the process is not ended by the signal, the run is cancelled and exits 0.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private StopSignals(CancellationTokenSource stop) =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        }))];

    public static StopSignals Register(CancellationTokenSource stop) => new(stop);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
