using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Storage.Entities;
using Omstilling.Storage.Live;

namespace Omstilling.Storage.Absences;

/// <summary>
/// Keeps the live <see cref="AbsenceBook"/> in the database: restored from it at start, and every
/// change written behind (the book raises <see cref="AbsenceBook.Changed"/> with a person or
/// department id; the current state of that id is written behind, <see cref="WriteBehind"/>).
/// <see cref="FlushAsync"/> waits for what is queued.
/// </summary>
public sealed partial class AbsencePersistence : IAsyncDisposable
{
    private readonly OmstillingDatabase _database;
    private readonly AbsenceBook _book;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WriteBehind _writes;

    public AbsencePersistence(OmstillingDatabase database, AbsenceBook book, TimeProvider time, ILogger<AbsencePersistence> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(book);
        _database = database;
        _book = book;
        _time = time;
        _logger = logger;
        _writes = new WriteBehind(WriteAsync, (e, id) => LogWriteFailed(_logger, e, id));
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
        _writes.Start();
    }

    /// <summary>Completes when every change made before the call is in the database.</summary>
    public Task FlushAsync() => _writes.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        _book.Changed -= OnChanged;
        await _writes.DisposeAsync();
    }

    private void OnChanged(string id) => _writes.Post(id);

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

    [LoggerMessage(EventId = 5501, Level = LogLevel.Error, Message = "Writing the absence state of {Id} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string id);
}
