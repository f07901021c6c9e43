using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<RegistrationRecord>
{
    public void Configure(EntityTypeBuilder<RegistrationRecord> builder)
    {
        builder.ToTable("registrations");
        builder.HasKey(r => new { r.Aor, r.Contact });
        builder.Property(r => r.Aor).HasMaxLength(100);
        builder.Property(r => r.Contact).HasMaxLength(500);
        builder.Property(r => r.Transport).HasMaxLength(8);
        builder.Property(r => r.SourceAddress).HasMaxLength(64);
        builder.Property(r => r.CallId).HasMaxLength(300);
        builder.Property(r => r.InstanceId).HasMaxLength(300);

        // The start reads only the live ones, and expired ones are deleted by time.
        builder.HasIndex(r => r.ExpiresAt);
    }
}
