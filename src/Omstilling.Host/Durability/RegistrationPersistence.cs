using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Omstilling.Runtime;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transport;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Registrations;

namespace Omstilling.Host.Durability;

/// <summary>
/// Keeps the registrar's bindings in the database so that phones are reached at once after a
/// restart. A REGISTER only marks its address of record dirty (one dictionary entry, nothing
/// allocated when it is dirty already) and wakes the writer; the writer lets changes gather for
/// <see cref="Linger"/>, then writes every dirty address of record's current bindings, up to
/// <see cref="BatchSize"/> in one transaction (<see cref="RegistrationStore.ReplaceAsync"/>). A
/// phone refreshing its registration a thousand times is written once per batch, and a slow
/// database never holds up a REGISTER. A batch the database refuses is contained at
/// <c>durability.registrations</c> and its addresses are marked dirty again. What a
/// <c>kill -9</c> loses is at most the last <see cref="Linger"/> of changes: phones registered in
/// it are reached after their next REGISTER, as before. Thread-safe.
/// </summary>
internal sealed class RegistrationPersistence : IAsyncDisposable
{
    /// <summary>How long changes gather before they are written.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(250);

    /// <summary>Addresses of record written in one transaction at most.</summary>
    public const int BatchSize = 2_000;

    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly SipRegistrar _registrar;
    private readonly RegistrationStore _store;
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private Task _loop = Task.CompletedTask;
    private volatile bool _stopping;

    public RegistrationPersistence(SipRegistrar registrar, RegistrationStore store, TimeProvider time, FaultMonitor faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _registrar = registrar ?? throw new ArgumentNullException(nameof(registrar));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _faults = faults.Boundary("durability.registrations");
    }

    /// <summary>Restores the kept bindings that have not expired (returns how many), then follows the registrar.</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        var kept = await _store.LiveAsync(_time.GetUtcNow(), cancellationToken);
        var restored = _registrar.Restore(kept.Select(ToBinding).OfType<Binding>());
        _registrar.Changed += OnChanged;
        _loop = Task.Run(LoopAsync, CancellationToken.None);
        return restored;
    }

    /// <summary>Stops following the registrar and writes what is dirty.</summary>
    public async ValueTask DisposeAsync()
    {
        _registrar.Changed -= OnChanged;
        _stopping = true;
        _wake.Writer.TryComplete();
        await _loop;
    }

    /// <summary>The REGISTER's thread: mark and wake, nothing more.</summary>
    private void OnChanged(string aor, IReadOnlyList<Binding> bindings)
    {
        if (_dirty.TryAdd(aor, 0))
        {
            _wake.Writer.TryWrite(true);
        }
    }

    private async Task LoopAsync()
    {
        while (await _wake.Reader.WaitToReadAsync())
        {
            _wake.Reader.TryRead(out _);
            if (!_stopping)
            {
                await Task.Delay(Linger, _time);
            }

            await WriteDirtyAsync();
        }

        await WriteDirtyAsync(); // stopping: what came after the last wake
    }

    private async Task WriteDirtyAsync()
    {
        while (!_dirty.IsEmpty)
        {
            var aors = new List<string>(Math.Min(_dirty.Count, BatchSize));
            foreach (var aor in _dirty.Keys)
            {
                // Removed before its bindings are read: a change after this marks it again.
                if (_dirty.TryRemove(aor, out _))
                {
                    aors.Add(aor);
                }

                if (aors.Count == BatchSize)
                {
                    break;
                }
            }

            var rows = aors.SelectMany(aor => _registrar.Bindings.Lookup(aor)).Select(ToRecord).ToList();
            try
            {
                await _store.ReplaceAsync(aors, rows, _time.GetUtcNow(), CancellationToken.None);
            }
#pragma warning disable CA1031 // A refused batch (a full disk, a lost connection) must not stop the writer; it is contained and tried again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, null, $"the registrations of {aors.Count} account(s) not written (tried again after the next change)");
                foreach (var aor in aors)
                {
                    _dirty.TryAdd(aor, 0);
                }

                return;
            }
        }
    }

    private static RegistrationRecord ToRecord(Binding b) => new()
    {
        Aor = b.Aor,
        Contact = b.Contact.ToString(),
        Transport = b.Source.Transport.ViaToken(),
        SourceAddress = b.Source.EndPoint.Address.ToString(),
        SourcePort = b.Source.EndPoint.Port,
        ExpiresAt = b.ExpiresAt,
        CallId = b.CallId,
        CSeq = b.CSeq,
        InstanceId = b.InstanceId,
    };

    /// <summary>A kept row as a binding, or null when it no longer reads as one (it is then left out).</summary>
    private static Binding? ToBinding(RegistrationRecord r) =>
        SipUri.TryParse(r.Contact, out var contact) && contact is not null
        && SipTransportKindExtensions.TryParse(r.Transport, out var transport)
        && IPAddress.TryParse(r.SourceAddress, out var address)
        && r.SourcePort is > 0 and <= IPEndPoint.MaxPort
        && r.CSeq is >= 0 and <= uint.MaxValue
            ? new Binding(r.Aor, contact, new SipEndPoint(transport, new IPEndPoint(address, r.SourcePort)), r.ExpiresAt, r.CallId, (uint)r.CSeq, r.InstanceId)
            : null;
}
