using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;

namespace Omstilling.Policy.Tests.Loading;

/// <summary>Every action kind has its one word in the file, and a word names one kind.</summary>
public sealed class ActionWordsTests
{
    [Fact]
    public void Every_action_kind_is_read_back_from_its_word()
    {
        foreach (var kind in Enum.GetValues<ActionKind>())
        {
            Assert.True(ActionWords.TryGetKind(ActionWords.Word(kind), out var read), kind.ToString());
            Assert.Equal(kind, read);
        }
    }

    [Theory]
    [InlineData("operator", ActionKind.Operator, true)]
    [InlineData("back", ActionKind.Back, true)]
    [InlineData("hangup", ActionKind.Hangup, true)]
    [InlineData("voicemail", ActionKind.Voicemail, false)]
    [InlineData("external", ActionKind.External, false)]
    public void Keywords_stand_alone_and_the_rest_name_a_target(string word, ActionKind kind, bool keyword)
    {
        Assert.True(ActionWords.TryGetKind(word, out var read));
        Assert.Equal(kind, read);
        Assert.Equal(keyword, ActionWords.IsKeyword(read));
    }

    [Theory]
    [InlineData("action")]
    [InlineData("Voicemail")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_words_name_no_action(string? word)
    {
        Assert.False(ActionWords.TryGetKind(word, out _));
    }

    [Fact]
    public void An_unknown_kind_is_an_error_not_a_default()
    {
        Assert.Throws<System.Diagnostics.UnreachableException>(() => ActionWords.Word((ActionKind)99));
    }
}
