using Omstilling.Host.Cli;
using Omstilling.Runtime;

namespace Omstilling.Host.Server;

/// <summary>A task nobody awaited that failed is counted and logged at <c>process.unobserved-task</c>, instead of vanishing.</summary>
internal static class UnobservedTasks
{
    /// <summary>Contains them from now until the returned handle is disposed.</summary>
    public static IDisposable Contain(FaultMonitor faults)
    {
        var unobserved = faults.Boundary("process.unobserved-task");
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            unobserved.Contain(e.Exception, null, "a task nobody awaited");
            e.SetObserved();
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        return new Unsubscriber(() => TaskScheduler.UnobservedTaskException -= OnUnobserved);
    }
}
