using Omstilling.Calls.Events;
using Omstilling.History.Reports;

namespace Omstilling.Web.Reports;

/// <summary>The Danish names of the report's figures and of a call's events.</summary>
public static class ReportText
{
    public static string Figure(ReportFigure figure) => figure switch
    {
        ReportFigure.AnsweredWithinRingLimit => "Besvaret inden for ringegrænsen",
        ReportFigure.CorrectlyTransferred => "Stillet korrekt om",
        ReportFigure.Satisfied => "Tilfredse borgere",
        ReportFigure.Abandonment => "Opgivet, mens de ventede",
        ReportFigure.ServiceLevel => "Serviceniveau",
        ReportFigure.Voicemails => "Endte på telefonsvarer",
        ReportFigure.Recalled => "Omstillinger, der kom tilbage",
        ReportFigure.UnansweredTransfers => "Omstillinger, modtageren ikke tog",
        _ => throw new System.Diagnostics.UnreachableException($"ReportFigure {figure}"),
    };

    public static string Part(FigurePart part) => part switch
    {
        FigurePart.Numerator => "de opkald, der tæller med (tælleren)",
        FigurePart.Denominator => "alle opkald, der måles på (nævneren)",
        _ => throw new System.Diagnostics.UnreachableException($"FigurePart {part}"),
    };

    /// <summary>An event's kind in Danish; a kind this version does not know (written by a newer one) as it was stored.</summary>
    public static string Event(string kind) => Enum.TryParse<CallEventKind>(kind, out var known) ? Event(known) : kind;

    public static string Event(CallEventKind kind) => kind switch
    {
        CallEventKind.Started => "Opkaldet kom ind",
        CallEventKind.Ringing => "Telefonen ringer",
        CallEventKind.RingEnded => "Telefonen holdt op med at ringe",
        CallEventKind.Answered => "Besvaret",
        CallEventKind.Held => "Sat på hold",
        CallEventKind.Resumed => "Taget af hold",
        CallEventKind.Digit => "Tast",
        CallEventKind.Routed => "Politikken besluttede",
        CallEventKind.MenuChoice => "Valg i menuen",
        CallEventKind.InvalidChoice => "Ugyldigt valg i menuen",
        CallEventKind.Voicemail => "Telefonsvarer",
        CallEventKind.Queued => "Sat i kø",
        CallEventKind.PositionAnnounced => "Fik sin plads i køen at vide",
        CallEventKind.Offered => "Tilbudt en omstillingsmedarbejder",
        CallEventKind.Diverted => "Viderestillet",
        CallEventKind.TransferStarted => "Omstilling begyndt",
        CallEventKind.ConsultAnswered => "Modtageren tog forespørgslen",
        CallEventKind.TransferCompleted => "Omstillet",
        CallEventKind.TransferFailed => "Omstillingen lykkedes ikke",
        CallEventKind.Recalled => "Kom tilbage til omstillingen",
        CallEventKind.CampOn => "Venter på en optaget",
        CallEventKind.PartyLeft => "En part lagde på",
        CallEventKind.QueueTimedOut => "Ventede for længe i køen",
        CallEventKind.Ended => "Opkaldet sluttede",
        CallEventKind.SurveyInvited => "Tilbudt spørgsmålet efter samtalen",
        CallEventKind.SurveyOptedIn => "Sagde ja til spørgsmålet",
        CallEventKind.SurveyAsked => "Fik spørgsmålet",
        CallEventKind.SurveyAnswered => "Svarede på spørgsmålet",
        CallEventKind.MarkedMisrouted => "Markeret som fejlstillet",
        _ => throw new System.Diagnostics.UnreachableException($"CallEventKind {kind}"),
    };
}
