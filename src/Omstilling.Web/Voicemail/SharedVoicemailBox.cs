namespace Omstilling.Web.Voicemail;

/// <summary>A voicemail box that is no one person's: a department's (policy <c>voicemail: &lt;department&gt;</c>) or the switchboard's.</summary>
public sealed record SharedVoicemailBox(string Box, string Name);
