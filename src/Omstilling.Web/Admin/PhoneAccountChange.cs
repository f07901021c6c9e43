namespace Omstilling.Web.Admin;

/// <summary>How a change of a phone's SIP account went.</summary>
public enum PhoneAccountChange
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>There is no account for the extension.</summary>
    Unknown,

    /// <summary>The extension has an account already (add).</summary>
    Exists,

    /// <summary>The extension is not 2 to 10 digits.</summary>
    NotAnExtension,
}
