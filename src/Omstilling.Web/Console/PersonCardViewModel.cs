using Omstilling.Directory.Model;
using Omstilling.Web.Cards;

namespace Omstilling.Web.Console;

/// <summary>
/// The card beside the search: a person's (phone state, absence, next free time, numbers, who can
/// cover, the transfers) or a department's (its numbers, topics and people). Kept fresh with every
/// board snapshot. Not thread-safe: one per console, used on its circuit.
/// </summary>
public sealed class PersonCardViewModel(PersonCards cards, DirectoryHolder directory, TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The person's card, or null.</summary>
    public PersonCard? Card { get; private set; }

    /// <summary>The department shown instead of a person, or null.</summary>
    public Department? Department { get; private set; }

    /// <summary>Whether a blind transfer tells the caller the name first ("Du bliver stillet om til ...").</summary>
    public bool AnnounceName { get; set; } = true;

    public IReadOnlyList<Person> DepartmentPeople => Department is { } d ? directory.Current.PeopleIn(d.Id) : [];

    /// <summary>The person's absence in words ("Til møde til kl. 14.00"), or null.</summary>
    public string? AbsenceLine => Card?.Absence is { } absence ? ConsoleText.AbsenceLine(absence, time.GetUtcNow(), zone) : null;

    /// <summary>Where the person's calls are forwarded, one line per condition ("Viderestillet altid til Signe Bæk (2002)").</summary>
    public IReadOnlyList<string> ForwardingLines => Card is { } card ? [.. card.Forwardings.Select(f => ConsoleText.ForwardingLine(f, directory.Current))] : [];

    /// <summary>When the person is free next, unless the absence above says it already; null then.</summary>
    public string? NextFreeLine => Card is { } card ? ConsoleText.NextFree(card, time.GetUtcNow(), zone) : null;

    public async Task OpenPersonAsync(string personId, CancellationToken cancellationToken)
    {
        Card = await cards.GetAsync(personId, cancellationToken);
        Department = null;
    }

    /// <summary>Opens what a search result is: a person's card or a department's.</summary>
    public async Task OpenAsync(SearchRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Hit.Person is { } person)
        {
            await OpenPersonAsync(person.Id, cancellationToken);
        }
        else if (row.Hit.Department is { } department)
        {
            Department = department;
            Card = null;
        }
    }

    /// <summary>The person's card again from the live state (a snapshot came, an absence was coded); kept as it was if they left the directory.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Card is { } card)
        {
            Card = await cards.GetAsync(card.Person.Id, cancellationToken) ?? card;
        }
    }

    /// <summary>The state of a person's phone, for the department card's list.</summary>
    public string PhoneClassOf(Person person) => ConsoleText.PhoneClass(cards.PhoneOf(person));
}
