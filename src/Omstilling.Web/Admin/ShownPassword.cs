namespace Omstilling.Web.Admin;

/// <summary>A SIP password just made, shown on the page this once (the platform keeps only its hashes). Immutable.</summary>
public sealed record ShownPassword(string Extension, string Password);
