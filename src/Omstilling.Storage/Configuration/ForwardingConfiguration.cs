using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class ForwardingConfiguration : IEntityTypeConfiguration<ForwardingRecord>
{
    public void Configure(EntityTypeBuilder<ForwardingRecord> builder)
    {
        builder.ToTable("forwardings");
        builder.HasKey(f => new { f.PersonId, f.Condition });
        builder.Property(f => f.PersonId).HasMaxLength(100);
        builder.Property(f => f.Condition).HasMaxLength(20);
        builder.Property(f => f.Target).HasMaxLength(40);
        builder.Property(f => f.SetBy).HasMaxLength(100);
    }
}
