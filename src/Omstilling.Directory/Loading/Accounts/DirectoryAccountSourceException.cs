namespace Omstilling.Directory.Loading.Accounts;

/// <summary>An account source could not be read: unreachable, refused, or an answer not understood. The message is for an administrator.</summary>
public sealed class DirectoryAccountSourceException : Exception
{
    public DirectoryAccountSourceException()
    {
    }

    public DirectoryAccountSourceException(string message)
        : base(message)
    {
    }

    public DirectoryAccountSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
