using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class DirectoryChangeConfiguration : IEntityTypeConfiguration<DirectoryChangeRecord>
{
    public void Configure(EntityTypeBuilder<DirectoryChangeRecord> builder)
    {
        builder.ToTable("directory_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Actor).HasMaxLength(100);
        builder.Property(c => c.Source).HasMaxLength(300);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.EntryId).HasMaxLength(100);
        builder.Property(c => c.Change).HasMaxLength(20);
        builder.HasIndex(c => c.EntryId);
    }
}
