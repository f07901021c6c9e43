using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class ConsoleUserConfiguration : IEntityTypeConfiguration<ConsoleUser>
{
    public void Configure(EntityTypeBuilder<ConsoleUser> builder)
    {
        builder.ToTable("console_users");
        builder.HasKey(u => u.Id);

        // Stored lower-cased by the user store, so the unique index is case-insensitive on every provider.
        builder.Property(u => u.UserName).HasMaxLength(100);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Roles).HasMaxLength(100);
        builder.Property(u => u.Extension).HasMaxLength(20);
        builder.Property(u => u.PersonId).HasMaxLength(100);
        builder.Property(u => u.DepartmentId).HasMaxLength(100);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
    }
}
