using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class PhoneMessageConfiguration : IEntityTypeConfiguration<PhoneMessageRecord>
{
    public void Configure(EntityTypeBuilder<PhoneMessageRecord> builder)
    {
        builder.ToTable("phone_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.PersonId).HasMaxLength(100);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.RecipientEmail).HasMaxLength(320);
        builder.Property(m => m.CallerName).HasMaxLength(200);
        builder.Property(m => m.CallerNumber).HasMaxLength(50);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Text).HasMaxLength(4000);
        builder.Property(m => m.TakenBy).HasMaxLength(100);
        builder.Property(m => m.EmailError).HasMaxLength(1000);

        // The inbox lists a person's messages newest first; the mailer looks for unsent ones.
        builder.HasIndex(m => new { m.PersonId, m.TakenAt });
        builder.HasIndex(m => m.EmailSentAt);
    }
}
