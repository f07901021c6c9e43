using YamlDotNet.RepresentationModel;

namespace Omstilling.Yaml.Tests;

/// <summary>
/// The shared reader as both loaders call it: every way a file can fail becomes one diagnostic at
/// its line and column, worded with what the caller's file should hold.
/// </summary>
public sealed class YamlRootReaderTests
{
    private static (YamlMappingNode? Root, string Report) Read(string yaml)
    {
        var diagnostics = new DiagnosticBag("f.yaml");
        var root = YamlRootReader.ReadRoot(yaml, diagnostics, "thing", "things (a, b)", "the thing must be a mapping; expected a and b");
        return (root, string.Join('\n', diagnostics.ToImmutable()));
    }

    [Fact]
    public void A_mapping_is_read_without_a_diagnostic()
    {
        var (root, report) = Read("a: 1\nb: [x, y]\n");

        Assert.NotNull(root);
        Assert.Equal("", report);
        Assert.Equal(2, root.Children.Count);
    }

    [Theory]
    [InlineData("", "f.yaml:1:1: error: the file is empty; expected things (a, b)")]
    [InlineData("- a\n- b\n", "f.yaml:1:1: error: the thing must be a mapping; expected a and b")]
    [InlineData("a: 1\n---\na: 2\n", "f.yaml:3:1: error: a second YAML document ('---'); expected one thing per file")]
    [InlineData("a: 1\nb: \u0007\n", "f.yaml:2:4: error: YAML syntax: the control character U+0007; expected text (YAML allows no control characters but tab and line breaks)")]
    [InlineData("a:\n  b: [1, 2\n  c: x\n", "f.yaml:3:3: error: YAML syntax: a list '[' or mapping '{' is not closed; expected ']' or '}' before this line")]
    [InlineData("a: &x [*x]\n", "f.yaml:1:4: error: YAML: this value contains an alias to itself (a '*' inside the value its '&' names); expected a value that does not contain itself")]
    public void A_file_that_cannot_be_read_is_one_error_at_its_place(string yaml, string expected)
    {
        var (root, report) = Read(yaml);

        Assert.Null(root);
        Assert.Equal(expected, report);
    }

    [Fact]
    public void Lists_nested_deeper_than_the_limit_are_refused_before_the_tree_is_built()
    {
        var (root, report) = Read("a: " + new string('[', 100_000));

        Assert.Null(root);
        Assert.StartsWith("f.yaml:1:67: error: YAML syntax: mappings and lists nested more than 64 deep", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_come_in_file_order_with_errors_before_warnings_on_the_same_spot()
    {
        var bag = new DiagnosticBag("f.yaml");
        bag.Warning(new SourceLocation("f.yaml", 3, 1), "third");
        bag.Warning(new SourceLocation("f.yaml", 1, 5), "second, a warning");
        bag.Error(new SourceLocation("f.yaml", 1, 5), "first, an error");

        Assert.True(bag.HasErrors);
        Assert.Equal(
            ["f.yaml:1:5: error: first, an error", "f.yaml:1:5: warning: second, a warning", "f.yaml:3:1: warning: third"],
            bag.ToImmutable().Select(d => d.ToString()));
    }

    [Fact]
    public void Warnings_alone_are_no_errors()
    {
        var bag = new DiagnosticBag("f.yaml");
        bag.Warning(new SourceLocation("f.yaml", 1, 1), "suspicious");

        Assert.False(bag.HasErrors);
    }
}
