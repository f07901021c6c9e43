using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class DirectoryDepartmentConfiguration : IEntityTypeConfiguration<DirectoryDepartmentRecord>
{
    public void Configure(EntityTypeBuilder<DirectoryDepartmentRecord> builder)
    {
        builder.ToTable("directory_departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.AreaId).HasMaxLength(100);
        builder.Property(d => d.Email).HasMaxLength(200);
    }
}
