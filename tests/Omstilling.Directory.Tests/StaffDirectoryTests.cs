using Omstilling.Directory.Model;
using Omstilling.Directory.Tests.Searching;

namespace Omstilling.Directory.Tests;

public sealed class StaffDirectoryTests
{
    private static StaffDirectory Directory => SearchFixture.Directory;

    [Fact]
    public void Colleagues_are_the_covered_by_list_when_there_is_one()
    {
        Assert.Equal(["bo-jensen"], Directory.Colleagues("anne-soerensen").Select(p => p.Id));
    }

    [Fact]
    public void Colleagues_fall_back_to_the_rest_of_the_department_in_name_order()
    {
        Assert.Equal(["anne-soerensen", "ib-holt", "lene-pasgaard"], Directory.Colleagues("bo-jensen").Select(p => p.Id));
    }

    [Fact]
    public void Colleagues_never_include_the_person()
    {
        var directory = new StaffDirectory([], [new Department("d", "D")],
        [
            new Person("a", "A", "d") { CoveredBy = ["a", "b"] },
            new Person("b", "B", "d"),
        ]);

        Assert.Equal(["b"], directory.Colleagues("a").Select(p => p.Id));
        Assert.Equal(["a"], directory.Colleagues("b").Select(p => p.Id));
        Assert.Empty(directory.Colleagues("nobody"));
    }

    [Fact]
    public void The_demo_covers_Anne_with_Bo()
    {
        Assert.Equal("Bo Jensen", Repository.Demo.Colleagues("anne-soerensen").Single().Name);
    }

    [Fact]
    public void People_in_a_department_are_in_Danish_name_order()
    {
        Assert.Equal(["zenia-lund", "aerle-hald", "oelse-dam", "aase-berg"], Directory.PeopleIn("test").Select(p => p.Id));
        Assert.Empty(Directory.PeopleIn("unknown"));
    }

    [Fact]
    public void An_extension_finds_its_person()
    {
        Assert.Equal("Anne Sørensen", Directory.FindByExtension("2010")?.Name);
        Assert.Equal("Anne Sørensen", Directory.FindByExtension("sip:2010".AsSpan(4))?.Name);
        Assert.Null(Directory.FindByExtension("9999"));
        Assert.True(Directory.TryGetPerson("bo-jensen", out var bo));
        Assert.Equal("2011", bo.Extension);
    }

    [Fact]
    public void Entries_that_do_not_hold_together_are_refused()
    {
        Department[] departments = [new("d", "D")];

        Assert.Throws<ArgumentException>(() => new StaffDirectory([], departments, [new Person("a", "A", "nowhere")]));
        Assert.Throws<ArgumentException>(() => new StaffDirectory([], departments, [new Person("a", "A", "d") { CoveredBy = ["ghost"] }]));
        Assert.Throws<ArgumentException>(() => new StaffDirectory([], departments, [new Person("a", "A", "d"), new Person("a", "B", "d")]));
        Assert.Throws<ArgumentException>(() => new StaffDirectory([], departments, [new Person("a", "A", "d") { Extension = "2010" }, new Person("b", "B", "d") { Extension = "2010" }]));
        Assert.Throws<ArgumentException>(() => new StaffDirectory([], [new Department("d", "D") { AreaId = "x" }], []));
    }

    [Fact]
    public void An_empty_directory_finds_nothing()
    {
        Assert.Empty(StaffDirectory.Empty.Search("anne"));
        Assert.Null(StaffDirectory.Empty.FindByExtension("2010"));
    }

    [Fact]
    public void A_direct_number_is_normalised_and_shown_in_pairs()
    {
        var number = new DirectNumber("+45 5473 2010", Policy.Model.NumberVisibility.PartnersOnly);

        Assert.Equal("54732010", number.Number);
        Assert.Equal("54 73 20 10", number.Display);
        Assert.True(number.IsPartnersOnly);
        Assert.Throws<ArgumentException>(() => new DirectNumber("2010", Policy.Model.NumberVisibility.Public));
        Assert.Throws<ArgumentException>(() => new DirectNumber("54732010", Policy.Model.NumberVisibility.Internal));
    }

    [Theory]
    [InlineData(AbsenceCode.Meeting, "Til møde")]
    [InlineData(AbsenceCode.Lunch, "Til frokost")]
    [InlineData(AbsenceCode.Holiday, "På ferie")]
    [InlineData(AbsenceCode.Ill, "Syg")]
    [InlineData(AbsenceCode.Course, "På kursus")]
    [InlineData(AbsenceCode.DayOff, "Fri")]
    [InlineData(AbsenceCode.OutOfOffice, "Ude af huset")]
    [InlineData(AbsenceCode.WorkingFromHome, "Arbejder hjemme")]
    public void Every_absence_code_has_a_Danish_label(AbsenceCode code, string label)
    {
        Assert.Equal(label, code.DanishLabel());
    }
}
