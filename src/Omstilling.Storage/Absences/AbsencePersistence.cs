using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Absences;

/// <summary>
/// Keeps the live <see cref="AbsenceBook"/> in the database: restored from it at start, and every
/// change written behind (the book raises <see cref="AbsenceBook.Changed"/> with a person or
/// department id; the current state of that id is written on a background loop, so a slow
/// database never holds up the console). <see cref="FlushAsync"/> waits for what is queued.
/// </summary>
public sealed partial class AbsencePersistence : IAsyncDisposable
{
    private readonly OmstillingDatabase _database;
    private readonly AbsenceBook _book;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<(string? Id, TaskCompletionSource? Flushed)> _queue = Channel.CreateUnbounded<(string?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });
    private Task _writer = Task.CompletedTask;

    public AbsencePersistence(OmstillingDatabase database, AbsenceBook book, TimeProvider time, ILogger<AbsencePersistence> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(book);
        _database = database;
        _book = book;
        _time = time;
        _logger = logger;
    }

    /// <summary>Loads what is stored into the book, then follows its changes.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = _database.CreateContext())
        {
            var now = _time.GetUtcNow();
            var absences = await db.Absences.AsNoTracking().ToListAsync(cancellationToken);
            var notices = await db.DepartmentAbsences.AsNoTracking().Where(n => n.Until > now).ToListAsync(cancellationToken);
            _book.Load(
                absences.Select(a => new Absence(a.PersonId, Enum.TryParse<AbsenceCode>(a.Code, out var code) ? code : AbsenceCode.OutOfOffice, a.Note, a.Until, a.SetAt, a.SetBy)),
                notices.Select(n => new DepartmentAbsence(n.Id, n.DepartmentId, n.From, n.Until, n.Text, n.PostedBy)));
        }

        _book.Changed += OnChanged;
        _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
    }

    /// <summary>Completes when every change made before the call is in the database.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((null, flushed)) ? flushed.Task : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _book.Changed -= OnChanged;
        _queue.Writer.TryComplete();
        await _writer;
    }

    private void OnChanged(string id) => _queue.Writer.TryWrite((id, null));

    private async Task WriteLoopAsync()
    {
        await foreach (var (id, flushed) in _queue.Reader.ReadAllAsync())
        {
            if (id is not null)
            {
                try
                {
                    await WriteAsync(id);
                }
#pragma warning disable CA1031 // One failed write must not stop the loop; it is logged and the next change writes the state again.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogWriteFailed(_logger, e, id);
                }
            }

            flushed?.TrySetResult();
        }
    }

    /// <summary>Writes the book's current state for the id, as a person's absence and as a department's notices.</summary>
    private async Task WriteAsync(string id)
    {
        var now = _time.GetUtcNow();
        await using var db = _database.CreateContext();
        var current = _book.Current(id, now);
        var stored = await db.Absences.FirstOrDefaultAsync(a => a.PersonId == id);
        if (current is null && stored is not null)
        {
            db.Absences.Remove(stored);
        }
        else if (current is not null)
        {
            stored ??= db.Absences.Add(new AbsenceRecord { PersonId = id, Code = "", SetBy = "" }).Entity;
            stored.Code = current.Code.ToString();
            stored.Note = current.Note;
            stored.Until = current.Until;
            stored.SetAt = current.SetAt;
            stored.SetBy = current.SetBy;
        }

        var live = _book.AllNotices.Where(n => n.DepartmentId == id).ToDictionary(n => n.Id);
        var rows = await db.DepartmentAbsences.Where(n => n.DepartmentId == id).ToListAsync();
        foreach (var row in rows.Where(r => !live.ContainsKey(r.Id)))
        {
            db.DepartmentAbsences.Remove(row);
        }

        foreach (var notice in live.Values)
        {
            // A notice posted again under its id (new text or times) replaces the stored one.
            var row = rows.Find(r => r.Id == notice.Id)
                ?? db.DepartmentAbsences.Add(new DepartmentAbsenceRecord { Id = notice.Id, DepartmentId = notice.DepartmentId, Text = "", PostedBy = "" }).Entity;
            row.From = notice.From;
            row.Until = notice.Until;
            row.Text = notice.Text;
            row.PostedBy = notice.PostedBy;
        }

        await db.SaveChangesAsync();
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Writing the absence state of {Id} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string id);
}
