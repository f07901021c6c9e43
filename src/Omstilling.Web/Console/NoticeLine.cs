namespace Omstilling.Web.Console;

/// <summary>A department that is away, as the console's notice bar says it. Immutable.</summary>
/// <param name="Until">When they are back, in words ("mandag kl. 09.00").</param>
public sealed record NoticeLine(string Department, string Text, string Until);
