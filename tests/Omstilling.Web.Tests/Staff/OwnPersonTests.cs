using Omstilling.Directory;
using Omstilling.Directory.Model;
using Omstilling.Storage.Users;
using Omstilling.Web.Auth;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Tests.Staff;

/// <summary>Whose own pages a login shows: its linked person, else its extension's owner, and only someone with an extension.</summary>
public sealed class OwnPersonTests
{
    private static readonly StaffDirectory Directory = new(
        [],
        [new Department("borgerservice", "Borgerservice")],
        [
            new Person("anne-soerensen", "Anne Sørensen", "borgerservice") { Extension = "2010" },
            new Person("bo-jensen", "Bo Jensen", "borgerservice") { Extension = "2011" },
            new Person("uden-telefon", "Uden Telefon", "borgerservice"),
        ]);

    private static SignedInUser User(string? extension, string? personId) => new("u", "U", [UserRole.Staff], extension, personId, null);

    [Fact]
    public void The_linked_person_wins_over_the_logins_extension() =>
        Assert.Equal("anne-soerensen", OwnPerson.Of(User("2011", "anne-soerensen"), Directory)?.Id);

    [Fact]
    public void Without_a_link_the_owner_of_the_extension_is_the_person() =>
        Assert.Equal("bo-jensen", OwnPerson.Of(User("2011", null), Directory)?.Id);

    [Fact]
    public void Nobody_without_an_extension_in_the_telephone_book()
    {
        Assert.Null(OwnPerson.Of(User(null, "uden-telefon"), Directory));
        Assert.Null(OwnPerson.Of(User("9999", null), Directory));
        Assert.Null(OwnPerson.Of(User(null, null), Directory));
        Assert.Null(OwnPerson.Of(null, Directory));
    }
}
