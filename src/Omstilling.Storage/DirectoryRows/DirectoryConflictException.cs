namespace Omstilling.Storage.DirectoryRows;

/// <summary>The directory changed after the version a change was prepared against (a preview, an edit form); nothing was written.</summary>
public sealed class DirectoryConflictException : Exception
{
    public DirectoryConflictException()
        : this("the directory was changed meanwhile")
    {
    }

    public DirectoryConflictException(string message)
        : base(message)
    {
    }

    public DirectoryConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DirectoryConflictException(long expected, long actual)
        : base($"the directory was changed meanwhile (revision {actual}, the change was prepared against {expected}); nothing was written")
    {
        Expected = expected;
        Actual = actual;
    }

    public long Expected { get; }

    public long Actual { get; }
}
