using Microsoft.EntityFrameworkCore;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage;

/// <summary>
/// The platform's database: console users, phone messages, voicemail, absences, forwardings, department notices, the staff directory, the call history, the phones' registrations and the operators' log-in and pause state.
/// One model for every provider; each provider has its own subclass only so that it can carry its
/// own migrations (<see cref="SqliteOmstillingDb"/>, <see cref="PostgresOmstillingDb"/>).
/// A context is short-lived and used by one thread; create one per unit of work.
/// </summary>
public abstract class OmstillingDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConsoleUser> Users => Set<ConsoleUser>();

    public DbSet<PhoneMessageRecord> PhoneMessages => Set<PhoneMessageRecord>();

    public DbSet<AbsenceRecord> Absences => Set<AbsenceRecord>();

    public DbSet<DepartmentAbsenceRecord> DepartmentAbsences => Set<DepartmentAbsenceRecord>();

    public DbSet<ForwardingRecord> Forwardings => Set<ForwardingRecord>();

    public DbSet<VoicemailRecord> Voicemails => Set<VoicemailRecord>();

    public DbSet<VoicemailBoxRecord> VoicemailBoxes => Set<VoicemailBoxRecord>();

    public DbSet<DirectoryAreaRecord> DirectoryAreas => Set<DirectoryAreaRecord>();

    public DbSet<DirectoryDepartmentRecord> DirectoryDepartments => Set<DirectoryDepartmentRecord>();

    public DbSet<DirectoryPersonRecord> DirectoryPeople => Set<DirectoryPersonRecord>();

    /// <summary>The directory's audit log; its highest id is the directory's revision.</summary>
    public DbSet<DirectoryChangeRecord> DirectoryChanges => Set<DirectoryChangeRecord>();

    /// <summary>Every call's events, in order (the call history).</summary>
    public DbSet<CallEventRecord> CallEvents => Set<CallEventRecord>();

    /// <summary>One record per finished call, derived from its events.</summary>
    public DbSet<CallRecord> CallRecords => Set<CallRecord>();

    public DbSet<CallRingRecord> CallRings => Set<CallRingRecord>();

    /// <summary>The phones' registrations, kept so that they are reached at once after a restart.</summary>
    public DbSet<RegistrationRecord> Registrations => Set<RegistrationRecord>();

    /// <summary>Switchboard operators logged out or paused on the console.</summary>
    public DbSet<QueueMemberRecord> QueueMembers => Set<QueueMemberRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OmstillingDb).Assembly);
    }
}
