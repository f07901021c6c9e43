using System.Text.Json.Serialization;

namespace Omstilling.Web.Contact;

/// <summary>
/// The published contact page at one moment (<c>/kontakt</c> and <c>/kontakt.json</c>): the main
/// number, the public direct numbers with their departments and official telephone hours, and the
/// after-hours options in force. Made by <see cref="ContactPageBuilder"/> from the policy and the
/// directory; the page and the feed both render this one value, so they cannot disagree. Holds
/// public numbers only: never a partners-only number, an extension or a number not marked public.
/// The JSON form (camelCase) is an interface websites rely on: docs/contact-page.md.
/// </summary>
/// <param name="Organisation">"Guldborgsund Kommune".</param>
/// <param name="LocalTime">The moment it describes, as wall-clock time in <paramref name="TimeZone"/>, to the minute.</param>
/// <param name="TimeZone">The policy's zone, "Europe/Copenhagen".</param>
/// <param name="Main">The main number (hovednummeret) and its hours.</param>
/// <param name="AfterHours">What a caller to the main number can choose when it is closed.</param>
/// <param name="Areas">The public direct numbers, by area.</param>
public sealed record ContactPage(
    string Organisation,
    DateTimeOffset GeneratedAt,
    DateTime LocalTime,
    string TimeZone,
    ContactUnit Main,
    ContactAfterHours AfterHours,
    IReadOnlyList<ContactArea> Areas);

/// <summary>A directorate area with its departments that have public numbers; <paramref name="Name"/> "Øvrige" for those outside any area.</summary>
public sealed record ContactArea(string? Id, string Name, IReadOnlyList<ContactUnit> Departments);

/// <summary>
/// The switchboard or a department: its public numbers, its official telephone hours (null where
/// the policy gives none: a department only the directory knows), and its people's public direct numbers.
/// </summary>
public sealed record ContactUnit(string Id, string Name, IReadOnlyList<ContactNumber> Numbers, ContactHours? Hours, IReadOnlyList<ContactPerson> People);

/// <summary>A public number: 8 national digits, written in pairs, and as a tel: address.</summary>
public sealed record ContactNumber(string Number, string Display, string Tel);

/// <summary>A person whose direct number is marked public: name, title and those numbers only.</summary>
public sealed record ContactPerson(string Name, string? Title, IReadOnlyList<ContactNumber> Numbers);

/// <summary>
/// A unit's official telephone hours as the policy decides them.
/// </summary>
/// <param name="OpenNow">Open at the moment (overrides, holidays and half days included).</param>
/// <param name="Status">In Danish: "Åben nu – lukker kl. 15.00", "Lukket nu – åbner i morgen kl. 08.00".</param>
/// <param name="Today">Today's hours.</param>
/// <param name="Week">Today and the six days after it.</param>
/// <param name="Regular">The ordinary week, Monday first, before holidays and other deviations.</param>
/// <param name="Deviations">The next days whose hours differ from the ordinary week (holidays, closing days, half days, special hours), soonest first.</param>
public sealed record ContactHours(
    bool OpenNow,
    string Status,
    ContactDay Today,
    IReadOnlyList<ContactDay> Week,
    IReadOnlyList<ContactWeekday> Regular,
    IReadOnlyList<ContactDay> Deviations);

/// <summary>One weekday of the ordinary week ("mandag"), with its spans; none when closed.</summary>
public sealed record ContactWeekday(string Weekday, IReadOnlyList<ContactSpan> Spans);

/// <summary>
/// The hours of one date.
/// </summary>
/// <param name="Weekday">"torsdag".</param>
/// <param name="Spans">The open spans; empty when closed all day.</param>
/// <param name="Kind">Why the day has these hours.</param>
/// <param name="Reason">The day's name or the policy's note, in Danish ("juledag", "Personaledag"); null on an ordinary day.</param>
public sealed record ContactDay(DateOnly Date, string Weekday, IReadOnlyList<ContactSpan> Spans, ContactDayKind Kind, string? Reason)
{
    public bool Closed => Spans.Count == 0;
}

/// <summary>An open span, local time, "08:00" to "15:00" (the end is not included; "24:00" is midnight).</summary>
public sealed record ContactSpan(string From, string To);

/// <summary>Which rule of the policy gives a day its hours.</summary>
public enum ContactDayKind
{
    /// <summary>The ordinary weekly hours.</summary>
    [JsonStringEnumMemberName("regular")]
    Regular = 0,
    /// <summary>A Danish public holiday (helligdag): closed.</summary>
    [JsonStringEnumMemberName("holiday")]
    Holiday = 1,
    /// <summary>A day the policy closes: an optional day (juleaftensdag) or a local closing day.</summary>
    [JsonStringEnumMemberName("closingDay")]
    ClosingDay = 2,
    /// <summary>A day that closes early (grundlovsdag).</summary>
    [JsonStringEnumMemberName("halfDay")]
    HalfDay = 3,
    /// <summary>Special hours the policy gives for the date.</summary>
    [JsonStringEnumMemberName("exception")]
    Exception = 4,
    /// <summary>No telephone hours: open day and night.</summary>
    [JsonStringEnumMemberName("alwaysOpen")]
    AlwaysOpen = 5,
}

/// <summary>
/// What a caller to the main number meets when it is closed, as offered now.
/// </summary>
/// <param name="InForceNow">The main number is closed now, so this is what a caller meets now.</param>
/// <param name="Intro">What the caller hears first, in Danish; null when nothing is said.</param>
/// <param name="Options">The menu's keys offered now (seasons, hours and overrides applied); empty when there is no menu.</param>
public sealed record ContactAfterHours(bool InForceNow, ContactNumber Number, string? Intro, IReadOnlyList<ContactOption> Options);

/// <summary>
/// One key of an after-hours menu.
/// </summary>
/// <param name="Key">"1".</param>
/// <param name="Label">The policy's label, "Teknik og Miljø".</param>
/// <param name="Message">What the caller is told, when the key plays a message.</param>
/// <param name="Options">A sub-menu's keys offered now; empty otherwise.</param>
public sealed record ContactOption(string Key, string Label, string? Message, IReadOnlyList<ContactOption> Options);
