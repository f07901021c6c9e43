using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class CallEventConfiguration : IEntityTypeConfiguration<CallEventRecord>
{
    public void Configure(EntityTypeBuilder<CallEventRecord> builder)
    {
        builder.ToTable("call_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Caller).HasMaxLength(100);
        builder.Property(e => e.Dialled).HasMaxLength(100);
        foreach (var name in new[] { nameof(CallEventRecord.Party), nameof(CallEventRecord.Operator), nameof(CallEventRecord.AnsweredBy), nameof(CallEventRecord.Decision), nameof(CallEventRecord.Rule), nameof(CallEventRecord.RouteFailure), nameof(CallEventRecord.MenuId), nameof(CallEventRecord.ChoiceOutcome), nameof(CallEventRecord.QueueId), nameof(CallEventRecord.Transfer), nameof(CallEventRecord.Outcome), nameof(CallEventRecord.RingEnd), nameof(CallEventRecord.EndReason), nameof(CallEventRecord.VoicemailBox), nameof(CallEventRecord.PersonId), nameof(CallEventRecord.DepartmentId), nameof(CallEventRecord.AreaId) })
        {
            builder.Property(name).HasMaxLength(100);
        }

        builder.Property(e => e.Digit).HasMaxLength(1);
        builder.Property(e => e.Target).HasMaxLength(300);
        builder.Property(e => e.MenuOption).HasMaxLength(200);
        builder.Property(e => e.Members).HasMaxLength(1000);
        builder.Property(e => e.Recording).HasMaxLength(300);

        // A call's timeline in order; retention by time. Every other read of events is of one rare
        // kind in a period, so each such kind has a partial index of its own that only its events
        // enter: one index by kind and time took an insertion point per kind and cost more than
        // the rest of the row (bench history-write). A query uses a partial index only when its
        // WHERE names the kind as the same constant (CallEventKinds), not as a parameter.
        builder.HasIndex(e => new { e.CallId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.At);
        foreach (var (kind, name) in CallEventKinds.Indexed)
        {
            builder.HasIndex([nameof(CallEventRecord.At)], name).HasFilter($"\"{nameof(CallEventRecord.Kind)}\" = '{kind}'");
        }
    }
}

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> builder)
    {
        builder.ToTable("call_records");
        builder.HasKey(c => c.CallId);
        builder.Property(c => c.CallId).ValueGeneratedNever();
        builder.Property(c => c.Caller).HasMaxLength(100);
        builder.Property(c => c.Dialled).HasMaxLength(100);
        builder.Property(c => c.MenuPath).HasMaxLength(1000);
        builder.Property(c => c.TransferTarget).HasMaxLength(100);
        builder.Property(c => c.MisroutedBy).HasMaxLength(100);
        foreach (var name in new[] { nameof(CallRecord.QueueId), nameof(CallRecord.AnsweredBy), nameof(CallRecord.Operator), nameof(CallRecord.TransferOutcome), nameof(CallRecord.VoicemailBox), nameof(CallRecord.EndReason), nameof(CallRecord.PersonId), nameof(CallRecord.DepartmentId), nameof(CallRecord.AreaId) })
        {
            builder.Property(name).HasMaxLength(100);
        }

        builder.HasMany(c => c.Rings).WithOne().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);

        // Reports select by period, and by area, department or person within it; the console lists the newest.
        builder.HasIndex(c => c.ArrivedAt);
        builder.HasIndex(c => new { c.AreaId, c.ArrivedAt });
        builder.HasIndex(c => new { c.DepartmentId, c.ArrivedAt });
        builder.HasIndex(c => new { c.PersonId, c.ArrivedAt });
    }
}

internal sealed class CallRingConfiguration : IEntityTypeConfiguration<CallRingRecord>
{
    public void Configure(EntityTypeBuilder<CallRingRecord> builder)
    {
        builder.ToTable("call_rings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Party).HasMaxLength(100);
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.Property(r => r.PersonId).HasMaxLength(100);
        builder.Property(r => r.DepartmentId).HasMaxLength(100);

        // Rings are read by call (the foreign key's index) and never by person: the person lists
        // join them to a period's records by call. No other index is written for each ring.
    }
}
