using Omstilling.Directory.Editing;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Tests.Loading;

/// <summary>The directory written as YAML reads back as the same directory.</summary>
public sealed class DirectoryYamlTests
{
    [Fact]
    public void The_bundled_directory_written_and_read_again_is_the_same_directory()
    {
        var file = Repository.DirectoryResult.File!;

        var again = DirectoryLoader.Load(DirectoryYaml.Write(file, "exported\nfor a test"), "export.yaml", Repository.Policy);

        Assert.True(again.Succeeded, again.Report());
        Assert.True(DirectoryDiff.Between(file, again.File).IsEmpty);
        Assert.Equal(file.People.Select(DirectoryYaml.Line), again.File.People.Select(DirectoryYaml.Line));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("2010")]
    [InlineData("Anne \"Nanna\" Sørensen\\ \t tab")]
    [InlineData("#kommentar: {ikke: [en, liste]}")]
    public void Names_yaml_would_read_as_something_else_are_quoted_and_read_back_as_written(string name)
    {
        var file = new DirectoryFile("x", [], [], [new Person("anne", name, "borgerservice")]);

        var again = DirectoryLoader.Load(DirectoryYaml.Write(file), "x.yaml", Repository.Policy);

        Assert.True(again.Succeeded, again.Report());
        Assert.Equal(name.Trim(), again.File.People[0].Name);
    }
}
