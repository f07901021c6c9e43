using Omstilling.Directory.Loading;
using Omstilling.Directory.Model;
using Omstilling.Policy.Model;

namespace Omstilling.Directory.Tests;

/// <summary>How a directory file and the bundled policy combine (StaffDirectory.FromPolicy).</summary>
public sealed class MergeTests
{
    private static StaffDirectory Merge(string yaml)
    {
        var result = DirectoryLoader.Load(yaml, "merge.yaml", Repository.Policy);
        Assert.True(result.Succeeded, result.Report());
        Assert.Empty(result.Diagnostics);
        return StaffDirectory.FromPolicy(Repository.Policy, result.File);
    }

    [Fact]
    public void The_file_is_authoritative_for_a_person_matched_by_extension()
    {
        var directory = Merge("""
            people:
              - id: anne
                name: Anne Sørensen
                title: Souschef
                department: borgerservice
                extension: 2010
                topics: [pas]
            """);

        var anne = directory.FindByExtension("2010")!;
        Assert.Equal(("anne", "Souschef"), (anne.Id, anne.Title));
        Assert.Equal(["pas"], anne.Topics.AsEnumerable());
        Assert.False(directory.People.ContainsKey("anne-soerensen"));
    }

    [Fact]
    public void The_same_person_keeps_the_policys_title_when_the_file_gives_none()
    {
        var directory = Merge("""
            people:
              - name: Camilla Holm
                department: borgerservice
                extension: 2012
                topics: [klager]
            """);

        Assert.Equal("Teamleder", directory.FindByExtension("2012")!.Title);
    }

    [Fact]
    public void Policy_people_missing_from_the_file_are_kept_with_an_id_made_from_the_name()
    {
        var directory = Merge("""
            people:
              - name: Bo Jensen
                department: borgerservice
                extension: 2011
            """);

        Assert.True(directory.TryGetPerson("anne-soerensen", out var anne));
        Assert.Equal(("2010", "borgerservice", "Borgerservicemedarbejder"), (anne.Extension, anne.DepartmentId, anne.Title));
        Assert.Equal(Repository.Policy.People.Count, directory.People.Count);
    }

    [Fact]
    public void A_policy_person_whose_id_is_taken_gets_the_extension_added()
    {
        var directory = Merge("""
            people:
              - id: anne-soerensen
                name: Anne Sørensen
                department: jobcenter
                extension: 2099
            """);

        Assert.Equal("2099", directory.People["anne-soerensen"].Extension);
        Assert.Equal("2010", directory.People["anne-soerensen-2010"].Extension);
    }

    [Fact]
    public void A_policy_department_is_enriched_and_a_new_one_added()
    {
        var directory = Merge("""
            areas:
              byggeri: { name: Byggeri }
            departments:
              jobcenter:
                topics: [ledighed, fleksjob]
                email: jobcenter@kommune.example
                direct: { number: 54 73 29 20, visibility: partners }
              byggesag:
                name: Byggesag
                area: byggeri
            """);

        var jobcenter = directory.Departments["jobcenter"];
        Assert.Equal(("Jobcenter", "borger-og-arbejdsmarked", "jobcenter@kommune.example"), (jobcenter.Name, jobcenter.AreaId, jobcenter.Email));
        Assert.Equal(["ledighed", "fleksjob"], jobcenter.Topics.AsEnumerable());
        Assert.Equal(["54 73 29 20", "54 73 20 20"], jobcenter.Numbers.Select(n => n.Display));
        Assert.Equal(NumberVisibility.PartnersOnly, jobcenter.Numbers[0].Visibility);
        Assert.Equal("byggeri", directory.Departments["byggesag"].AreaId);
        Assert.Equal("Byggeri", directory.Areas["byggeri"].Name);
    }

    [Fact]
    public void Covered_by_may_name_the_policys_people()
    {
        var directory = Merge("""
            people:
              - name: Maria Andersen
                department: jobcenter
                extension: 2020
                covered-by: [camilla-holm]
            """);

        Assert.Equal("Camilla Holm", directory.Colleagues("maria-andersen").Single().Name);
    }

    [Fact]
    public void The_policys_direct_numbers_are_kept_for_the_person_they_ring()
    {
        var jens = Repository.Policy.People.Values.Single(p => p.Name == "Jens Hansen");
        var directory = Merge($"""
            people:
              - name: Jens Hansen
                department: {jens.DepartmentId}
                extension: {jens.Extension}
                direct: 54 73 29 55
            """);

        var numbers = directory.FindByExtension(jens.Extension)!.DirectNumbers;
        Assert.Equal(new DirectNumber("54 73 29 55", NumberVisibility.Public), numbers[0]);
        Assert.Contains(numbers, n => n.Number == jens.Numbers[0].Number);
    }
}
