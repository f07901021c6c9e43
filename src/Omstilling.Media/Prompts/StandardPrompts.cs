namespace Omstilling.Media.Prompts;

/// <summary>
/// The prompts every installation needs, with their Danish text. <c>scripts/generate-prompts.sh</c>
/// synthesises them into <c>prompts/da/</c> (committed, so a new install speaks Danish at once);
/// a recorded file of the same name in the data directory's <c>prompts/</c> folder replaces any.
/// </summary>
public static class StandardPrompts
{
    public static IReadOnlyList<(string Name, string Text)> All { get; } = Build();

    /// <summary>The music on hold, made by sox rather than spoken.</summary>
    public const string MusicOnHold = "musik";

    /// <summary>The Danish ringing tone (425 Hz, 1 s on, 4 s off), heard while the platform rings someone for a caller it answered.</summary>
    public const string Ringback = "ringetone";

    /// <summary>Every bundled file: the spoken prompts and the two made by sox.</summary>
    public static IEnumerable<string> Names => All.Select(p => p.Name).Append(MusicOnHold).Append(Ringback);

    private static List<(string, string)> Build()
    {
        var prompts = new List<(string, string)>
        {
            ("goddag", "Guldborgsund Kommune - Goddag"),
            ("du-er-nummer", "Du er nummer"),
            ("i-koeen", "i køen"),
            ("vent-venligst", "Vent venligst, du bliver stillet om."),
            ("alle-optaget", "Alle vores medarbejdere er optaget. Bliv venligst ved telefonen."),
            ("tast", "tast"),
            ("for", "for"),
            ("stjerne", "stjerne"),
            ("firkant", "firkant"),
            ("ugyldigt-valg", "Det valg findes ikke. Prøv igen."),
            ("ingen-valg", "Du har ikke valgt noget."),
            ("gaa-tilbage", "for at gå tilbage"),
            ("tal-til-omstillingen", "for at tale med omstillingen"),
            ("lukket", "Vi har lukket. Vores telefontid er"),
            ("klokken", "klokken"),
            ("den", "den"),
            ("fra", "fra"),
            ("til", "til"),
            ("og", "og"),
            ("du-har-ringet-til", "Du har ringet til"),
            ("kan-ikke-tage-telefonen", "som ikke kan tage telefonen lige nu."),
            ("traeffes-igen", "og træffes igen"),
            ("du-har-ringet-til-en-medarbejder", "Du har ringet til en medarbejder,"),
            ("fravaer-moede", "som er til møde"),
            ("fravaer-frokost", "som er til frokost"),
            ("fravaer-ferie", "som er på ferie"),
            ("fravaer-kursus", "som er på kursus"),
            ("fravaer-fri", "som har fri"),
            ("fravaer-ude", "som er ude af huset"),
            ("fravaer-hjemme", "som arbejder hjemme"),
            ("fravaer-registreret", "Dit fravær er registreret"),
            ("fravaer-slettet", "Dit fravær er slettet. Dine opkald ringer igen hos dig."),
            ("intet-fravaer", "Du har ikke noget fravær registreret."),
            ("ukendt-fravaerskode", "Den fraværskode findes ikke."),
            ("tidspunktet-er-gaaet", "Det tidspunkt er allerede gået i dag."),
            ("ikke-i-telefonbogen", "Dit lokalnummer hører ikke til en medarbejder i telefonbogen."),
            ("viderestilling-altid", "Dine opkald viderestilles nu til"),
            ("viderestilling-optaget", "Når du taler i telefon, viderestilles dine opkald til"),
            ("viderestilling-intet-svar", "Når du ikke svarer, viderestilles dine opkald til"),
            ("viderestilling-slaaet-fra", "Viderestillingen er slået fra."),
            ("ingen-viderestilling", "Der er ingen viderestilling at slå fra."),
            ("nummeret-findes-ikke", "Det nummer findes ikke."),
            ("viderestilling-ikke-tilladt", "Du må ikke viderestille til det nummer."),
            ("viderestilling-til-dig-selv", "Du kan ikke viderestille til dit eget nummer."),
            ("indtal-besked", "Indtal din besked efter tonen. Tast firkant, når du er færdig."),
            ("telefonsvarer-pinkode", "Indtast din pinkode, og afslut med firkant."),
            ("telefonsvarer-forkert-pinkode", "Pinkoden er forkert."),
            ("telefonsvarer-ingen-pinkode", "Din telefonsvarer har ingen pinkode endnu. Vælg en på siden Min telefonsvarer."),
            ("telefonsvarer-menu", "Tast et for at høre dine beskeder. Tast fem for at indtale din hilsen."),
            ("du-har", "Du har"),
            ("ingen", "ingen"),
            ("mange", "mange"),
            ("ny-besked", "ny besked"),
            ("nye-beskeder", "nye beskeder"),
            ("gemt-besked", "gemt besked"),
            ("gemte-beskeder", "gemte beskeder"),
            ("besked-ny", "Ny besked"),
            ("besked-gemt", "Gemt besked"),
            ("modtaget", "modtaget"),
            ("besked-valg", "Tast et for at høre beskeden igen, tre for den næste, syv for at slette den, eller ni for at gemme den som ny."),
            ("besked-slettet", "Beskeden er slettet."),
            ("besked-gemt-som-ny", "Beskeden er gemt som ny."),
            ("ikke-flere-beskeder", "Der er ikke flere beskeder."),
            ("indtal-hilsen", "Indtal din hilsen efter tonen. Tast firkant, når du er færdig."),
            ("hilsen-gemt", "Din hilsen er gemt."),
            ("hilsen-for-kort", "Hilsenen blev for kort og er ikke gemt."),
            ("tak-for-besked", "Tak for din besked. Farvel."),
            ("stilles-om-til", "Du bliver stillet om til"),
            ("optaget", "Personen, du ringer til, taler i telefon."),
            ("intet-svar", "Der er desværre ingen, der svarer."),
            ("farvel", "Farvel."),
            ("tak-for-opkaldet", "Tak for opkaldet."),
            ("markeret-fejlstillet", "Opkaldet er markeret som fejlstillet. Tak."),
            ("intet-at-markere", "Der er ikke noget opkald, der er stillet om til dig, at markere."),
            ("testnummer", "Dette er Omstillings testnummer. Du hører nu velkomsten fra Guldborgsund Kommune."),
            ("ekko", "Ekkotest. Sig noget, og du hører det igen."),
            ("tone", "bip"),
            ("tal-1-et", "et"),
        };
        for (var n = 0; n <= 99; n++)
        {
            prompts.Add((DanishPhrases.NumberName(n), DanishWords.Cardinal(n)));
        }

        for (var d = 1; d <= 31; d++)
        {
            prompts.Add((DanishPhrases.OrdinalName(d), DanishWords.Ordinal(d)));
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            prompts.Add((DanishPhrases.WeekdayName(day), DanishWords.Weekday(day)));
        }

        for (var m = 1; m <= 12; m++)
        {
            prompts.Add((DanishPhrases.MonthName(m), DanishWords.Months[m - 1]));
        }

        return prompts;
    }
}
