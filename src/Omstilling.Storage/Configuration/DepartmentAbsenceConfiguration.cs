using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class DepartmentAbsenceConfiguration : IEntityTypeConfiguration<DepartmentAbsenceRecord>
{
    public void Configure(EntityTypeBuilder<DepartmentAbsenceRecord> builder)
    {
        builder.ToTable("department_absences");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.DepartmentId).HasMaxLength(100);
        builder.Property(a => a.Text).HasMaxLength(1000);
        builder.Property(a => a.PostedBy).HasMaxLength(100);
        builder.HasIndex(a => a.Until);
    }
}
