namespace Omstilling.Host.Server.Services;

/// <summary>
/// One concern of the server on the Generic Host. The host runs, for all services in the order
/// they are registered (ServerHost): every <see cref="StartingAsync"/>, every <see cref="StartAsync"/>
/// (the web binds its ports in its own), every <see cref="StartedAsync"/>, then "ready". It stops
/// them in the reverse order: every <see cref="StoppingAsync"/> (the drain, while the web still
/// answers), every <see cref="StopAsync"/>, every <see cref="StoppedAsync"/>. A service overrides the steps it has.
/// </summary>
internal abstract class ServerService : IHostedLifecycleService
{
    public virtual Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
