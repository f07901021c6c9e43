using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.Configuration;

internal sealed class VoicemailConfiguration : IEntityTypeConfiguration<VoicemailRecord>
{
    public void Configure(EntityTypeBuilder<VoicemailRecord> builder)
    {
        builder.ToTable("voicemails");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Box).HasMaxLength(100);
        builder.Property(m => m.PersonId).HasMaxLength(100);
        builder.Property(m => m.CallerNumber).HasMaxLength(50);
        builder.Property(m => m.CallerName).HasMaxLength(200);
        builder.Property(m => m.FileName).HasMaxLength(200);
        builder.Property(m => m.RecipientEmail).HasMaxLength(320);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.EmailError).HasMaxLength(1000);

        // A box lists newest first; the mailer looks for unsent ones.
        builder.HasIndex(m => new { m.Box, m.ReceivedAt });
        builder.HasIndex(m => m.EmailSentAt);
    }
}

internal sealed class VoicemailBoxConfiguration : IEntityTypeConfiguration<VoicemailBoxRecord>
{
    public void Configure(EntityTypeBuilder<VoicemailBoxRecord> builder)
    {
        builder.ToTable("voicemail_boxes");
        builder.HasKey(b => b.Box);
        builder.Property(b => b.Box).HasMaxLength(100);
        builder.Property(b => b.PinHash).HasMaxLength(200);
        builder.Property(b => b.GreetingFile).HasMaxLength(200);
        builder.Property(b => b.AbsenceGreetingFile).HasMaxLength(200);
    }
}
