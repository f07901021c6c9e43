namespace Omstilling.Host.Tests.Web;

/// <summary>Who an endpoint or page is for, as the access table in docs/security.md says.</summary>
public enum Access
{
    /// <summary>Anyone, without a login: the health probe, the login form and its post, static files.</summary>
    Open,

    /// <summary>Anyone logged in, whatever their role (a user's own data: their inbox).</summary>
    LoggedIn,

    /// <summary>Operators and administrators: the switchboard's calls, callers and configuration.</summary>
    Switchboard,

    /// <summary>Department heads (their department) and administrators: department notices.</summary>
    Notices,

    /// <summary>Department heads (their department's calls) and administrators (all): reports of the call history, with callers' numbers.</summary>
    Reports,

    /// <summary>Operators (the switchboard's box) and department heads (their department's): the shared voicemail boxes, personal data not even administrators read.</summary>
    SharedVoicemail,

    /// <summary>Administrators only on the web port; the management listener serves these without a login.</summary>
    Admin,
}
