using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class DirectoryAreaConfiguration : IEntityTypeConfiguration<DirectoryAreaRecord>
{
    public void Configure(EntityTypeBuilder<DirectoryAreaRecord> builder)
    {
        builder.ToTable("directory_areas");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(100);
        builder.Property(a => a.Name).HasMaxLength(200);
    }
}
