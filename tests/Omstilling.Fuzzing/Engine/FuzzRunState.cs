namespace Omstilling.Fuzzing.Engine;

/// <summary>The worker thread of a run: running, finished on its own, or abandoned by the watchdog inside a hanging input.</summary>
internal enum FuzzRunState
{
    Running,
    Finished,
    Abandoned,
}
