namespace Omstilling.Simulator.Phones;

/// <summary>A SIP request of a simulated phone was refused; <see cref="Status"/> is the final status the server gave.</summary>
public sealed class PhoneException : Exception
{
    public PhoneException()
    {
    }

    public PhoneException(string message)
        : base(message)
    {
    }

    public PhoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PhoneException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The final SIP status that refused the request (401, 403, 408 for no answer, ...); 0 when none applies.</summary>
    public int Status { get; }
}
