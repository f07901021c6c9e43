using Omstilling.Directory.Loading;
using Omstilling.Directory.Loading.Csv;
using Omstilling.Policy.Outbound;

namespace Omstilling.Directory.Tests.Loading;

/// <summary>A person's <c>class-of-service</c> (the toll-fraud guard's): read from YAML and CSV, written back, national when not given.</summary>
public sealed class ClassOfServiceTests
{
    private static DirectoryFile Basis => Repository.DirectoryResult.File!;

    [Fact]
    public void A_csv_column_gives_each_person_a_class_and_an_empty_cell_leaves_the_default_national()
    {
        const string csv = "name,department,extension,class-of-service\n"
            + "Anne Sørensen,borgerservice,2010,international\n"
            + "Bo Jensen,borgerservice,2011,\n"
            + "Carl Hansen,borgerservice,2012,internal\n";

        var result = CsvDirectoryReader.Load(csv, "folk.csv", Basis, Repository.Policy);

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal(
            [(ClassOfService.International, ClassOfService.International), (null, ClassOfService.National), (ClassOfService.Internal, ClassOfService.Internal)],
            result.File.People.Select(p => (p.ClassOfService, p.EffectiveClassOfService)));
    }

    [Fact]
    public void An_unknown_class_is_an_error_at_its_cell()
    {
        const string csv = "name,department,extension,class-of-service\nAnne Sørensen,borgerservice,2010,premium\n";

        var result = CsvDirectoryReader.Load(csv, "folk.csv", Basis, Repository.Policy);

        Assert.Equal(
            ["folk.csv:2:34: error: 'premium' is not a class of service; expected internal, local, national or international (national when not written)"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_bundled_demo_directory_has_an_internal_and_an_international_phone_and_the_yaml_export_keeps_them()
    {
        var people = Basis.People;

        Assert.Equal(ClassOfService.Internal, people.Single(p => p.Extension == "2099").ClassOfService);
        Assert.Equal(ClassOfService.International, people.Single(p => p.Extension == "2098").ClassOfService);
        Assert.Null(people.Single(p => p.Extension == "2097").ClassOfService);
        var written = DirectoryYaml.Write(Basis);
        Assert.Contains("class-of-service: " + DirectoryYaml.Quote("internal"), written, StringComparison.Ordinal);
        Assert.Contains("class-of-service: " + DirectoryYaml.Quote("international"), written, StringComparison.Ordinal);
    }
}
