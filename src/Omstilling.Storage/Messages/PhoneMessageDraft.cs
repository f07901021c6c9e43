namespace Omstilling.Storage.Messages;

/// <summary>The operator's message form, before it is kept.</summary>
public sealed record PhoneMessageDraft(
    string PersonId,
    string RecipientName,
    string? RecipientEmail,
    string CallerName,
    string CallerNumber,
    string Subject,
    string Text,
    bool CallbackWanted,
    Guid? CallId)
{
    /// <summary>What is missing or too long, in Danish for the form; empty when it can be kept.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PersonId))
        {
            problems.Add("Vælg hvem beskeden er til.");
        }

        if (string.IsNullOrWhiteSpace(CallerName) && string.IsNullOrWhiteSpace(CallerNumber))
        {
            problems.Add("Skriv opkalderens navn eller nummer.");
        }

        if (CallbackWanted && string.IsNullOrWhiteSpace(CallerNumber))
        {
            problems.Add("Skriv et nummer, der kan ringes tilbage til.");
        }

        if (string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Text))
        {
            problems.Add("Skriv hvad det drejer sig om.");
        }

        if (Text.Length > 4000)
        {
            problems.Add("Beskeden er for lang (højst 4000 tegn).");
        }

        if (CallerName.Length > 200 || Subject.Length > 200 || CallerNumber.Length > 50)
        {
            problems.Add("Navn og emne må højst være 200 tegn, nummeret 50.");
        }

        return problems;
    }
}
