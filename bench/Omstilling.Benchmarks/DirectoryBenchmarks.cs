using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Omstilling.Directory;
using Omstilling.Directory.Model;
using Omstilling.Directory.Searching;
using NumberVisibility = Omstilling.Policy.Model.NumberVisibility;

namespace Omstilling.Benchmarks;

/// <summary>
/// Directory search as the operator console types it, on a synthetic municipality of 10,000
/// people in 40 departments (deterministic: the same directory every run). Target: well under
/// 1 ms per search (the console searches on every key press) and no allocation beyond the result
/// array (20 hits × 32 B). The Max column bounds p99 from above.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class DirectoryBenchmarks
{
    private const int PeopleCount = 10_000;

    private static readonly string[] FirstNames =
    [
        "Anne", "Bo", "Camilla", "Jens", "Søren", "Mette", "Lars", "Hanne", "Peter", "Kirsten", "Niels", "Lone",
        "Jørgen", "Birgitte", "Henrik", "Pia", "Ole", "Susanne", "Thomas", "Karen", "Morten", "Lene", "Rasmus",
        "Helle", "Martin", "Tina", "Michael", "Dorthe", "Jesper", "Marianne", "Kasper", "Gitte", "Bjørn", "Ulla",
        "Erik", "Vibeke", "Finn", "Jette", "Allan", "Sanne", "Mads", "Rikke", "Kim", "Julie", "Christian", "Åse",
        "Brian", "Lisbeth", "Steen", "Sofie", "Jan", "Marlene", "Anders", "Ida", "Karina", "René", "Tove", "Emma",
        "Heidi", "Bente", "Jakob", "Sara", "Claus", "Merete", "Lærke", "Frederik", "Mie", "Per", "Agnete", "Nikolaj",
    ];

    private static readonly string[] LastNames =
    [
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
        "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen", "Holm", "Bæk", "Kjær", "Bøgh",
        "Nørgaard", "Østergaard", "Ågård", "Aagaard", "Søgaard", "Højgaard", "Mølgaard", "Lund", "Skov", "Dahl",
        "Holst", "Krogh", "Vestergaard", "Kjærgaard", "Dalsgaard", "Bisgaard", "Fisker", "Friis", "Lykke", "Hald",
    ];

    private static readonly string[] Titles =
    [
        "Sagsbehandler", "Borgerservicemedarbejder", "Jobkonsulent", "Byggesagsbehandler", "Socialrådgiver",
        "Sygeplejerske", "Social- og sundhedsassistent", "Visitator", "Teamleder", "Konsulent", "Ergoterapeut",
        "Fysioterapeut", "Vejmedarbejder", "Miljømedarbejder", "Pædagogisk konsulent", "Lønkonsulent",
        "Økonomikonsulent", "Administrativ medarbejder", "Afdelingsleder", "Sundhedsplejerske",
    ];

    private static readonly string[] Topics =
    [
        "pas", "kørekort", "sundhedskort", "flytning", "MitID", "digital post", "boligstøtte", "folkepension",
        "kontanthjælp", "sygedagpenge", "fleksjob", "byggetilladelse", "carport", "tilbygning", "BBR", "lokalplan",
        "snerydning", "vejarbejde", "affald", "storskrald", "genbrugsplads", "hjemmehjælp", "plejebolig", "nødkald",
        "genoptræning", "hjælpemidler", "dagpleje", "skoleindskrivning", "SFO", "underretning", "løn", "ferie",
        "faktura", "ejendomsskat", "vandløb", "spildevand", "bibliotek", "foreningstilskud", "turisme", "demens",
    ];

    private static readonly string[] DepartmentNames =
    [
        "Borgerservice", "Jobcenter", "Ydelsesservice", "Integration", "Visitation psykiatri", "Visitation ældre",
        "Hjemmehjælp distrikt 1", "Hjemmehjælp distrikt 2", "Hjemmehjælp distrikt 3", "Hjemmehjælp distrikt 4",
        "Hjemmesygeplejen", "Hjælpemidler", "Træning og Rehabilitering", "Ældrepleje", "Madservice",
        "Byggesagsbehandling", "Vej og Park", "Affald og Genbrug", "Natur og Miljø", "Teknik og Miljø",
        "Skole og Dagtilbud", "Pladsanvisningen", "Familieafdelingen", "Sundhedsplejen", "PPR", "Kultur og Fritid",
        "Erhverv og Turisme", "Økonomi", "HR og Løn", "Direktionen", "Digitalisering og IT", "Jura og Udbud",
        "Sekretariatet", "Ejendomme", "Beredskab", "Handicap og Psykiatri", "Ungdommens Uddannelsesvejledning",
        "Sprogcenter", "Klima og Energi", "Kommunikation",
    ];

    private StaffDirectory _directory = null!;

    [Params("jens", "søren h", "kørekort", "2010", "byg")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _directory = Synthetic(PeopleCount);

    /// <summary>The console's search box: the best 20.</summary>
    [Benchmark]
    public IReadOnlyList<SearchHit> Search() => _directory.Search(Query);

    /// <summary>A directory of <paramref name="count"/> people: names, titles, 1-4 topics, a third with a direct number.</summary>
    internal static StaffDirectory Synthetic(int count)
    {
        var random = new Random(20260113);
        var departments = new Department[DepartmentNames.Length];
        for (var d = 0; d < departments.Length; d++)
        {
            departments[d] = new Department("d" + d.ToString(CultureInfo.InvariantCulture), DepartmentNames[d])
            {
                AreaId = "a" + (d / 8).ToString(CultureInfo.InvariantCulture),
                Topics = [.. Enumerable.Range(0, 3).Select(_ => Topics[random.Next(Topics.Length)]).Distinct()],
                Numbers = [new DirectNumber("547320" + d.ToString("00", CultureInfo.InvariantCulture), NumberVisibility.Public)],
            };
        }

        var people = new Person[count];
        for (var i = 0; i < count; i++)
        {
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            people[i] = new Person("p" + i.ToString(CultureInfo.InvariantCulture), name, departments[random.Next(departments.Length)].Id)
            {
                Title = Titles[random.Next(Titles.Length)],
                Extension = (1000 + i).ToString(CultureInfo.InvariantCulture),
                Topics = [.. Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Topics[random.Next(Topics.Length)]).Distinct()],
                DirectNumbers = i % 3 == 0
                    ? [new DirectNumber("5474" + i.ToString("0000", CultureInfo.InvariantCulture), i % 2 == 0 ? NumberVisibility.Public : NumberVisibility.PartnersOnly)]
                    : [],
            };
        }

        var areas = Enumerable.Range(0, (departments.Length + 7) / 8).Select(a => new Area("a" + a.ToString(CultureInfo.InvariantCulture), "Område " + a.ToString(CultureInfo.InvariantCulture)));
        return new StaffDirectory(areas, departments, people);
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
