namespace Omstilling.Web.Admin;

/// <summary>A phone's SIP account as "Brugere og telefoner" lists it: whose it is (a name, or null) and whether a phone is registered on it now. Immutable.</summary>
public sealed record PhoneRow(string Extension, string? Person, bool Registered);
