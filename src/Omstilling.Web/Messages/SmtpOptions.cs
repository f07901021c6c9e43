namespace Omstilling.Web.Messages;

/// <summary>How phone messages are e-mailed. Immutable.</summary>
/// <param name="Host">The SMTP server.</param>
/// <param name="From">The sender address ("Hovedomstillingen &lt;omstilling@kommune.dk&gt;").</param>
public sealed record SmtpOptions(string Host, int Port, string From)
{
    public string? UserName { get; init; }

    public string? Password { get; init; }

    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;

    /// <summary>The web app's address in messages ("see and mark the message handled at ..."), or null.</summary>
    public Uri? PublicUrl { get; init; }
}

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, else plain (a relay on the local network).</summary>
    Auto,
    None,
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}
