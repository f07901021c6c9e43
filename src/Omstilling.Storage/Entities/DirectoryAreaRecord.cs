namespace Omstilling.Storage.Entities;

/// <summary>An area of the directory kept in the database (docs/directory.md); <see cref="Position"/> keeps the imported order.</summary>
public sealed class DirectoryAreaRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public int Position { get; set; }
}
