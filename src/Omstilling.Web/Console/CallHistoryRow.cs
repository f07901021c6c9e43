namespace Omstilling.Web.Console;

/// <summary>One of today's switchboard calls as the console's call history shows it, in Danish. Immutable.</summary>
/// <param name="CanMark">Put through to a person who took it, and not marked yet: the operator may mark it "fejlstillet".</param>
public sealed record CallHistoryRow(Guid CallId, string Time, string Caller, string Choices, string AnsweredBy, string TransferredTo, string Outcome, bool CanMark, bool Marked);
