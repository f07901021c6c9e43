using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class QueueMemberConfiguration : IEntityTypeConfiguration<QueueMemberRecord>
{
    public void Configure(EntityTypeBuilder<QueueMemberRecord> builder)
    {
        builder.ToTable("queue_members");
        builder.HasKey(m => m.Extension);
        builder.Property(m => m.Extension).HasMaxLength(100);
        builder.Property(m => m.PausedReason).HasMaxLength(200);
    }
}
