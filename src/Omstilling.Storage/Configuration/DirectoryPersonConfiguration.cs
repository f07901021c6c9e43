using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class DirectoryPersonConfiguration : IEntityTypeConfiguration<DirectoryPersonRecord>
{
    public void Configure(EntityTypeBuilder<DirectoryPersonRecord> builder)
    {
        builder.ToTable("directory_people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(100);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.DepartmentId).HasMaxLength(100);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Extension).HasMaxLength(10);
        builder.Property(p => p.Email).HasMaxLength(200);
        builder.Property(p => p.Mobile).HasMaxLength(20);
        builder.Property(p => p.CalendarIcs).HasMaxLength(1000);
        builder.Property(p => p.CalendarMicrosoft365).HasMaxLength(200);
        builder.Property(p => p.ClassOfService).HasMaxLength(16);
        builder.HasIndex(p => p.DepartmentId);
    }
}
