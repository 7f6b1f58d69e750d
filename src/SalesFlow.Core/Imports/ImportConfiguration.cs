using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesFlow.Core.Imports;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.UserName).HasMaxLength(100);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameMaxLength);
        builder.Property(j => j.FailureCode).HasMaxLength(100);
        builder.Property(j => j.LeaseHolder).HasMaxLength(ImportJob.LeaseHolderMaxLength);
        builder.Ignore(j => j.IsFinished);
        builder.HasIndex(j => new { j.UserId, j.CreatedAtUtc });
        builder.HasIndex(j => j.Status);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> builder)
    {
        builder.Property(e => e.Column).HasMaxLength(ImportRowError.ColumnMaxLength);
        builder.Property(e => e.Field).HasMaxLength(ImportRowError.ColumnMaxLength);
        builder.Property(e => e.Code).HasMaxLength(100);
        builder.Property(e => e.Message).HasMaxLength(ImportRowError.MessageMaxLength);
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.JobId, e.Line });
    }
}
