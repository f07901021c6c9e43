namespace Omstilling.Web.Console;

/// <summary>A reason an operator can give for a pause: what the dropdown says, and what the queue and the colleagues see.</summary>
public sealed record PauseChoice(string Label, string Reason);
