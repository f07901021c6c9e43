using Omstilling.Directory.Model;
using NumberVisibility = Omstilling.Policy.Model.NumberVisibility;

namespace Omstilling.Directory.Tests.Searching;

/// <summary>A small directory whose scores can be reasoned about by hand.</summary>
internal static class SearchFixture
{
    public static StaffDirectory Directory { get; } = Build();

    private static StaffDirectory Build()
    {
        Area[] areas = [new("borger", "Borger og Arbejdsmarked"), new("teknik", "Teknik og Miljø")];
        Department[] departments =
        [
            new("borgerservice", "Borgerservice")
            {
                AreaId = "borger",
                Topics = ["pas", "kørekort", "sundhedskort"],
                Numbers = [new DirectNumber("54 73 20 10", NumberVisibility.Public)],
            },
            new("byggesag", "Byggesagsbehandling") { AreaId = "teknik", Topics = ["byggetilladelse", "carport"] },
            new("vej", "Vej og Park") { AreaId = "teknik" },
            new("hjemmehjaelp", "Hjemmehjælp distrikt 1"),
            new("test", "Testafdeling"),
        ];
        Person[] people =
        [
            new("anne-soerensen", "Anne Sørensen", "borgerservice")
            {
                Title = "Borgerservicemedarbejder",
                Extension = "2010",
                Topics = ["pas", "kørekort"],
                DirectNumbers = [new DirectNumber("54 73 21 10", NumberVisibility.Public)],
                CoveredBy = ["bo-jensen"],
            },
            new("bo-jensen", "Bo Jensen", "borgerservice") { Title = "Borgerservicemedarbejder", Extension = "2011", Topics = ["sundhedskort"] },
            new("lene-pasgaard", "Lene Pasgaard", "borgerservice") { Title = "Teamleder", Extension = "2012" },
            new("ib-holt", "Ib Holt", "borgerservice") { Title = "Passervicemedarbejder", Extension = "2015" },
            new("soeren-hansen", "Søren Hansen", "byggesag") { Title = "Byggesagsbehandler", Extension = "2013" },
            new("soeren-holm", "Søren Holm", "vej") { Title = "Vejmand", Extension = "2014" },
            new("jens-hansen", "Jens Hansen", "vej") { Title = "Vejingeniør", Extension = "2050", Mobile = "20304050" },
            new("kim-jensen", "Kim Jensen", "byggesag") { Title = "Byggesagsbehandler", Extension = "2053" },
            new("karen-aagaard", "Karen Ågård", "vej") { Extension = "2060" },
            new("laerke-moelgaard", "Lærke Mølgaard", "hjemmehjaelp") { Title = "Social- og sundhedsassistent", Extension = "2041" },
            new("rene-madsen", "René Madsen", "byggesag") { Extension = "2070" },
            new("aase-berg", "Åse Berg", "test") { Extension = "3001" },
            new("oelse-dam", "Ølse Dam", "test") { Extension = "3002" },
            new("aerle-hald", "Ærle Hald", "test") { Extension = "3003" },
            new("zenia-lund", "Zenia Lund", "test") { Extension = "3004" },
        ];
        return new StaffDirectory(areas, departments, people);
    }
}
