using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Live;

namespace Omstilling.Storage.Forwardings;

/// <summary>
/// Keeps the live <see cref="ForwardingBook"/> in the database: restored from it at start, and a
/// person's forwardings written behind each change (<see cref="WriteBehind"/>), so that they
/// survive a restart. <see cref="FlushAsync"/> waits for what is queued.
/// </summary>
public sealed partial class ForwardingPersistence : IAsyncDisposable
{
    private readonly OmstillingDatabase _database;
    private readonly ForwardingBook _book;
    private readonly ILogger _logger;
    private readonly WriteBehind _writes;

    public ForwardingPersistence(OmstillingDatabase database, ForwardingBook book, ILogger<ForwardingPersistence> logger)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _book = book ?? throw new ArgumentNullException(nameof(book));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _writes = new WriteBehind(WriteAsync, (e, id) => LogWriteFailed(_logger, e, id));
    }

    /// <summary>Loads what is stored into the book (rows whose condition is no longer known are left out), then follows its changes.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = _database.CreateContext())
        {
            var rows = await db.Forwardings.AsNoTracking().ToListAsync(cancellationToken);
            _book.Load(rows
                .Where(r => Enum.TryParse<ForwardingCondition>(r.Condition, out _))
                .Select(r => new Forwarding(r.PersonId, Enum.Parse<ForwardingCondition>(r.Condition), r.Target, r.SetAt, r.SetBy)));
        }

        _book.Changed += OnChanged;
        _writes.Start();
    }

    /// <summary>Completes when every change made before the call is in the database.</summary>
    public Task FlushAsync() => _writes.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        _book.Changed -= OnChanged;
        await _writes.DisposeAsync();
    }

    private void OnChanged(string personId) => _writes.Post(personId);

    /// <summary>Writes the person's forwardings as the book has them now, in one transaction.</summary>
    private async Task WriteAsync(string personId)
    {
        await using var db = _database.CreateContext();
        var live = _book.Of(personId).ToDictionary(f => f.Condition.ToString());
        var rows = await db.Forwardings.Where(f => f.PersonId == personId).ToListAsync();
        foreach (var row in rows.Where(r => !live.ContainsKey(r.Condition)))
        {
            db.Forwardings.Remove(row);
        }

        foreach (var (condition, forwarding) in live)
        {
            var row = rows.Find(r => r.Condition == condition)
                ?? db.Forwardings.Add(new ForwardingRecord { PersonId = personId, Condition = condition, Target = "", SetBy = "" }).Entity;
            row.Target = forwarding.Target;
            row.SetAt = forwarding.SetAt;
            row.SetBy = forwarding.SetBy;
        }

        await db.SaveChangesAsync();
    }

    [LoggerMessage(EventId = 5502, Level = LogLevel.Error, Message = "Writing the forwardings of {Id} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string id);
}
