using Omstilling.Directory.Model;
using Omstilling.Policy.Model;

namespace Omstilling.Directory.Tests;

/// <summary>config/guldborgsund-directory.yaml against config/guldborgsund.yaml, as <c>omstilling run --demo</c> loads them.</summary>
public sealed class BundledDirectoryTests
{
    [Fact]
    public void The_demo_directory_loads_against_the_bundled_policy_without_any_diagnostic()
    {
        var result = Repository.DirectoryResult;

        Assert.True(result.Succeeded, result.Report());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Every_demo_extension_and_every_operator_is_a_person()
    {
        var directory = Repository.Demo;
        var expected = Enumerable.Range(100, 4).Concat(Enumerable.Range(2000, 100)).Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        foreach (var extension in expected)
        {
            Assert.True(directory.FindByExtension(extension) is not null, $"no one at extension {extension}");
        }

        Assert.Equal(expected.Count, directory.People.Count); // the demo accounts and no one else
    }

    [Fact]
    public void The_operators_sit_in_the_switchboard_unit()
    {
        var directory = Repository.Demo;

        Assert.Equal("Hovedomstillingen", directory.Departments[StaffDirectory.SwitchboardId].Name);
        Assert.Equal(["100", "101", "102", "103"], directory.PeopleIn(StaffDirectory.SwitchboardId).Select(p => p.Extension!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2010", "Anne Sørensen", "borgerservice")]
    [InlineData("2011", "Bo Jensen", "borgerservice")]
    [InlineData("2012", "Camilla Holm", "borgerservice")]
    public void The_policys_people_keep_their_extensions(string extension, string name, string department)
    {
        var person = Repository.Demo.FindByExtension(extension);

        Assert.NotNull(person);
        Assert.Equal(name, person.Name);
        Assert.Equal(department, person.DepartmentId);
    }

    [Fact]
    public void Every_extension_the_policy_gives_a_department_is_someone_in_that_department()
    {
        var policy = Repository.Policy;
        var directory = Repository.Demo;

        foreach (var unit in policy.Departments.Values)
        {
            foreach (var extension in unit.Extensions)
            {
                var person = directory.FindByExtension(extension);
                Assert.True(person is not null, $"{unit.Id}: no one at {extension}");
                Assert.Equal(unit.Id, person.DepartmentId);
            }
        }
    }

    [Fact]
    public void Policy_departments_keep_their_name_area_and_numbers_and_gain_topics_and_email()
    {
        var borgerservice = Repository.Demo.Departments["borgerservice"];

        Assert.Equal("Borgerservice", borgerservice.Name);
        Assert.Equal("borger-og-arbejdsmarked", borgerservice.AreaId);
        Assert.Equal(new DirectNumber("54 73 20 10", NumberVisibility.Public), Assert.Single(borgerservice.Numbers));
        Assert.Contains("kørekort", borgerservice.Topics);
        Assert.Equal("borgerservice@guldborgsund.example", borgerservice.Email);
        Assert.Equal(NumberVisibility.PartnersOnly, Repository.Demo.Departments["visitation-psykiatri"].Numbers.Single().Visibility);
    }

    [Fact]
    public void Areas_and_departments_the_policy_lacks_are_added()
    {
        var directory = Repository.Demo;

        Assert.Equal("Børn, Unge og Familie", directory.Areas["boern-unge-og-familie"].Name);
        Assert.Equal("Byggesagsbehandling", directory.Departments["byggesag"].Name);
        Assert.Equal("teknik-og-miljoe", directory.Departments["byggesag"].AreaId);
        Assert.Equal("Teknik og Miljø", directory.Areas["teknik-og-miljoe"].Name);
    }

    [Fact]
    public void The_demo_has_Danish_names_titles_emails_and_a_few_topics_for_everyone()
    {
        var people = Repository.Demo.People.Values.ToList();

        Assert.All(people, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Title), p.Name);
            Assert.EndsWith("@guldborgsund.example", p.Email, StringComparison.Ordinal);
            Assert.InRange(p.Topics.Length, 1, 4);
        });
        Assert.Contains(people, p => p.Name.Contains('æ', StringComparison.Ordinal));
        Assert.Contains(people, p => p.Name.Contains('ø', StringComparison.Ordinal));
        Assert.Contains(people, p => p.Name.Contains('å', StringComparison.OrdinalIgnoreCase));
        Assert.Contains(people, p => p.DirectNumbers.Any(n => n.Visibility == NumberVisibility.PartnersOnly));
        Assert.Contains(people, p => p.DirectNumbers.Any(n => n.Visibility == NumberVisibility.Public));
        Assert.Contains(people, p => !p.CoveredBy.IsEmpty);
        Assert.Single(people, p => p.Name == "Jens Hansen");
    }

    [Fact]
    public void A_person_in_both_keeps_the_policys_direct_number()
    {
        var jens = Repository.Demo.FindByExtension("2050");

        Assert.NotNull(jens);
        Assert.Equal("Jens Hansen", jens.Name);
        Assert.Contains(new DirectNumber("54 73 20 55", NumberVisibility.Public), jens.DirectNumbers);
        Assert.Contains("vejarbejde", jens.Topics);
    }

    [Fact]
    public void The_policy_alone_gives_its_people_and_every_unit()
    {
        var directory = StaffDirectory.FromPolicy(Repository.Policy);

        Assert.Equal(Repository.Policy.People.Count, directory.People.Count);
        Assert.Subset(directory.People.Keys.ToHashSet(), new HashSet<string> { "anne-soerensen", "bo-jensen", "camilla-holm" });
        Assert.Equal("Teamleder", directory.People["camilla-holm"].Title);
        Assert.Equal(Repository.Policy.Departments.Count, directory.Departments.Count);
        Assert.Equal(Repository.Policy.Areas.Length, directory.Areas.Count);
        Assert.Equal(new DirectNumber("54 73 10 00", NumberVisibility.Public), directory.Departments[StaffDirectory.SwitchboardId].Numbers.Single());
    }
}
