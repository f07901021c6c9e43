using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<AbsenceRecord>
{
    public void Configure(EntityTypeBuilder<AbsenceRecord> builder)
    {
        builder.ToTable("absences");
        builder.HasKey(a => a.PersonId);
        builder.Property(a => a.PersonId).HasMaxLength(100);
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.Property(a => a.Note).HasMaxLength(500);
        builder.Property(a => a.SetBy).HasMaxLength(100);
    }
}
