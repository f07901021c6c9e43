namespace Omstilling.Web.Admin;

/// <summary>A phone's SIP account: the extension it registers as, and the directory person it is linked to (null: whoever has the extension). Immutable.</summary>
public sealed record PhoneAccount(string Extension, string? PersonId);
