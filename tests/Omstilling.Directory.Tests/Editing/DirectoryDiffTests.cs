using Omstilling.Directory.Editing;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Tests.Editing;

/// <summary>What changes between two versions of the directory, entry by entry.</summary>
public sealed class DirectoryDiffTests
{
    [Fact]
    public void New_left_and_changed_people_are_told_with_the_keys_that_changed()
    {
        var anne = new Person("anne", "Anne Sørensen", "borgerservice") { Title = "Medarbejder", Topics = ["pas"] };
        var bo = new Person("bo", "Bo Jensen", "borgerservice");
        var carl = new Person("carl", "Carl Hansen", "oekonomi");
        var before = new DirectoryFile("a", [], [], [anne, bo]);
        var after = new DirectoryFile("b", [], [], [anne with { Title = "Leder", Topics = ["pas", "kørekort"] }, carl]);

        var diff = DirectoryDiff.Between(before, after);

        Assert.Equal(
            [
                (DirectoryChangeKind.Changed, "anne", "title, topics"),
                (DirectoryChangeKind.Added, "carl", ""),
                (DirectoryChangeKind.Removed, "bo", ""),
            ],
            diff.Changes.Select(c => (c.Change, c.Id, string.Join(", ", c.Keys))));
        Assert.Equal("{id: \"anne\", name: \"Anne Sørensen\", title: \"Medarbejder\", department: \"borgerservice\", topics: [\"pas\"]}", diff.Changes[0].Before);
        Assert.Equal((1, 1, 1), (diff.Count(DirectoryEntryKind.Person, DirectoryChangeKind.Added), diff.Count(DirectoryEntryKind.Person, DirectoryChangeKind.Removed), diff.Count(DirectoryEntryKind.Person, DirectoryChangeKind.Changed)));
    }

    [Fact]
    public void Equal_content_in_new_arrays_is_no_change_and_nothing_before_makes_everything_new()
    {
        var file = Repository.DirectoryResult.File!;
        var copy = file with { People = [.. file.People.Select(p => p with { Topics = [.. p.Topics] })] };

        Assert.True(DirectoryDiff.Between(file, copy).IsEmpty);
        Assert.Equal(file.Areas.Length + file.Departments.Length + file.People.Length, DirectoryDiff.Between(null, file).Changes.Count(c => c.Change == DirectoryChangeKind.Added));
    }
}
