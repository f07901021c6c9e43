namespace Omstilling.Host.Server;

/// <summary>
/// What the composition made and must let go of when the server has stopped: disposed in the
/// reverse order of <see cref="Own{T}"/>, so a part goes before the parts it was made from.
/// </summary>
internal sealed class OwnedResources : IAsyncDisposable
{
    private readonly Stack<object> _owned = new();

    /// <summary>Takes <paramref name="resource"/> (an <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>) and returns it.</summary>
    public T Own<T>(T resource)
        where T : class
    {
        if (resource is not (IAsyncDisposable or IDisposable))
        {
            throw new ArgumentException($"{typeof(T).Name} is not disposable.", nameof(resource));
        }

        _owned.Push(resource);
        return resource;
    }

    public async ValueTask DisposeAsync()
    {
        while (_owned.TryPop(out var resource))
        {
            switch (resource)
            {
                case IAsyncDisposable asynchronous:
                    await asynchronous.DisposeAsync();
                    break;
                case IDisposable synchronous:
                    synchronous.Dispose();
                    break;
                default:
                    throw new System.Diagnostics.UnreachableException($"{resource.GetType().Name} was taken as disposable.");
            }
        }
    }
}
