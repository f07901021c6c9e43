using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Live;

/// <summary>
/// The live forwarding state: for each person, where their calls go on each condition. In memory;
/// a storage layer restores it with <see cref="Load"/> and follows <see cref="Changed"/> to persist
/// it. Thread-safe: one lock guards the state; <see cref="Changed"/> is raised outside it, on the
/// thread that made the change.
/// </summary>
public sealed partial class ForwardingBook(ILogger<ForwardingBook>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string PersonId, ForwardingCondition Condition), Forwarding> _forwardings = [];

    /// <summary>A person's forwarding changed: their id. A handler that throws is logged and does not stop the others.</summary>
    public event Action<string>? Changed;

    /// <summary>Sets the person's forwarding on its condition, replacing the one there was.</summary>
    public void Set(Forwarding forwarding)
    {
        ArgumentNullException.ThrowIfNull(forwarding);
        ArgumentException.ThrowIfNullOrEmpty(forwarding.PersonId, nameof(forwarding));
        ArgumentException.ThrowIfNullOrEmpty(forwarding.Target, nameof(forwarding));
        lock (_gate)
        {
            _forwardings[(forwarding.PersonId, forwarding.Condition)] = forwarding;
        }

        Raise(forwarding.PersonId);
    }

    /// <summary>Cancels the person's forwarding on the condition; false when there was none.</summary>
    public bool Clear(string personId, ForwardingCondition condition)
    {
        ArgumentNullException.ThrowIfNull(personId);
        bool removed;
        lock (_gate)
        {
            removed = _forwardings.Remove((personId, condition));
        }

        if (removed)
        {
            Raise(personId);
        }

        return removed;
    }

    /// <summary>The person's forwarding on the condition, or null.</summary>
    public Forwarding? Get(string personId, ForwardingCondition condition)
    {
        ArgumentNullException.ThrowIfNull(personId);
        lock (_gate)
        {
            return _forwardings.GetValueOrDefault((personId, condition));
        }
    }

    /// <summary>The person's forwardings, in the order of the conditions.</summary>
    public ImmutableArray<Forwarding> Of(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        lock (_gate)
        {
            return [.. Enum.GetValues<ForwardingCondition>().Select(c => _forwardings.GetValueOrDefault((personId, c))).OfType<Forwarding>()];
        }
    }

    /// <summary>Replaces the whole state with what storage holds (at start); raises <see cref="Changed"/> for everyone affected.</summary>
    public void Load(IEnumerable<Forwarding> forwardings)
    {
        ArgumentNullException.ThrowIfNull(forwardings);
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            affected.UnionWith(_forwardings.Keys.Select(k => k.PersonId));
            _forwardings.Clear();
            foreach (var forwarding in forwardings.OrderBy(f => f.SetAt))
            {
                _forwardings[(forwarding.PersonId, forwarding.Condition)] = forwarding;
            }

            affected.UnionWith(_forwardings.Keys.Select(k => k.PersonId));
        }

        foreach (var id in affected)
        {
            Raise(id);
        }
    }

    private void Raise(string personId) => ChangeHandlers.Raise(Changed, personId, (e, id) => LogHandlerFailed(_logger, e, id));

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "A handler of ForwardingBook.Changed failed for '{Id}'")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string id);
}
