using Omstilling.Directory.Text;

namespace Omstilling.Directory.Tests.Text;

public sealed class DanishTextTests
{
    [Theory]
    [InlineData("Søren", "soeren")]
    [InlineData("SOEREN", "soeren")]
    [InlineData("Åbenrå", "aabenraa")]
    [InlineData("Aabenraa", "aabenraa")]
    [InlineData("Ærø", "aeroe")]
    [InlineData("Mæhl", "maehl")]
    [InlineData("Köln", "koeln")]
    [InlineData("Müller", "mueller")]
    [InlineData("Ä", "ae")]
    [InlineData("René", "rene")]
    [InlineData("Hélène Çelik", "helene celik")]
    [InlineData("Zoë Núñez", "zoe nunez")]
    [InlineData("Straße", "strasse")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Hjemmehjælp distrikt 1", "hjemmehjaelp distrikt 1")]
    [InlineData("NemID", "nemid")]
    [InlineData("", "")]
    public void Strict_fold_writes_Danish_letters_out_and_drops_other_marks(string text, string folded)
    {
        Assert.Equal(folded, DanishText.Fold(text));
    }

    [Theory]
    [InlineData("Søren", "soren")]
    [InlineData("Åbenrå", "abenra")]
    [InlineData("Ærø", "ero")]
    [InlineData("Hjemmehjælp", "hjemmehjelp")]
    [InlineData("Müller", "muller")]
    [InlineData("René", "rene")]
    public void Loose_fold_is_what_a_keyboard_without_Danish_letters_gives(string text, string folded)
    {
        Assert.Equal(folded, DanishText.FoldLoose(text));
    }

    [Fact]
    public void Decomposed_input_folds_like_composed_input()
    {
        // "å" typed on macOS arrives as "a" + combining ring above (U+030A).
        Assert.Equal("aabenraa", DanishText.Fold("A\u030Abenra\u030A"));
    }

    [Theory]
    [InlineData("Søren", "SOEREN")]
    [InlineData("Åbenrå", "Aabenraa")]
    [InlineData("Jørgen", "joergen")]
    public void Folded_equality_ignores_case_and_spelling_of_Danish_letters(string a, string b)
    {
        Assert.True(DanishText.FoldedEquals(a, b));
    }

    [Theory]
    [InlineData("Anne Sørensen", "anne-soerensen")]
    [InlineData("Poul Erik Knudsen", "poul-erik-knudsen")]
    [InlineData("  Åse  Lindberg ", "aase-lindberg")]
    [InlineData("René Madsen-Kjær", "rene-madsen-kjaer")]
    [InlineData("!!", "")]
    public void Slug_is_the_strict_fold_joined_by_dashes(string name, string slug)
    {
        Assert.Equal(slug, DanishText.Slug(name));
    }
}
