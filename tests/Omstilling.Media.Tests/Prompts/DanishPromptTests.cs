using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;

namespace Omstilling.Media.Tests.Prompts;

public sealed class DanishPromptTests
{
    [Theory]
    [InlineData(1, "en")]
    [InlineData(13, "tretten")]
    [InlineData(20, "tyve")]
    [InlineData(21, "enogtyve")]
    [InlineData(35, "femogtredive")]
    [InlineData(50, "halvtreds")]
    [InlineData(67, "syvogtres")]
    [InlineData(70, "halvfjerds")]
    [InlineData(88, "otteogfirs")]
    [InlineData(99, "nioghalvfems")]
    public void Numbers_are_spoken_units_before_tens(int n, string word) => Assert.Equal(word, DanishWords.Cardinal(n));

    [Theory]
    [InlineData(1, "første")]
    [InlineData(2, "anden")]
    [InlineData(3, "tredje")]
    [InlineData(24, "fireogtyvende")]
    [InlineData(30, "tredivte")]
    [InlineData(31, "enogtredivte")]
    public void Dates_use_ordinals(int n, string word) => Assert.Equal(word, DanishWords.Ordinal(n));

    [Fact]
    public void Queue_position_one_is_neuter()
    {
        Assert.Equal(["du-er-nummer", "tal-1-et", "i-koeen"], DanishPhrases.QueuePosition(1));
        Assert.Equal(["du-er-nummer", "tal-21", "i-koeen"], DanishPhrases.QueuePosition(21));
    }

    [Theory]
    [InlineData(8, 0, new[] { "klokken", "tal-8" })]
    [InlineData(13, 30, new[] { "klokken", "tal-13", "tal-30" })]
    [InlineData(9, 5, new[] { "klokken", "tal-9", "tal-0", "tal-5" })]
    public void Times_are_read_as_danes_read_them(int hour, int minute, string[] names) =>
        Assert.Equal(names, DanishPhrases.Time(hour, minute));

    [Fact]
    public void Dates_are_weekday_den_ordinal_month()
    {
        Assert.Equal(["ugedag-torsdag", "den", "dato-24", "maaned-december"], DanishPhrases.Date(new DateOnly(2026, 12, 24)));
        Assert.Equal("ugedag-loerdag", DanishPhrases.WeekdayName(DayOfWeek.Saturday));
    }

    [Fact]
    public void Every_phrase_uses_only_standard_prompts()
    {
        var names = StandardPrompts.All.Select(p => p.Name).ToHashSet();
        var used = Enumerable.Range(1, 120).SelectMany(DanishPhrases.QueuePosition)
            .Concat(Enumerable.Range(0, 24).SelectMany(h => Enumerable.Range(0, 60).SelectMany(m => DanishPhrases.Time(h, m))))
            .Concat(Enumerable.Range(0, 366).SelectMany(d => DanishPhrases.Date(new DateOnly(2028, 1, 1).AddDays(d))))
            .Concat("0123456789*#".SelectMany(DanishPhrases.Press));

        Assert.All(used.Distinct(), name => Assert.Contains(name, names));
    }

    [Fact]
    public void The_bundled_danish_set_has_every_standard_prompt_as_8khz_audio()
    {
        var library = new PromptLibrary([BundledPrompts()]);

        var errors = library.Preload(StandardPrompts.Names);

        Assert.Empty(errors);
        Assert.InRange(library.Get("goddag").Duration.TotalSeconds, 1.0, 4.0);
        Assert.InRange(library.Get(StandardPrompts.MusicOnHold).Duration.TotalSeconds, 5.0, 10.0);
        Assert.Equal(StandardPrompts.Names.Count(), Directory.GetFiles(BundledPrompts(), "*.wav").Length);
        Assert.Equal(TimeSpan.FromSeconds(5), library.Get(StandardPrompts.Ringback).Duration);
    }

    [Fact]
    public void A_recorded_file_replaces_the_bundled_prompt()
    {
        var own = Directory.CreateTempSubdirectory("omstilling-prompts-").FullName;
        WavWriter.Write(Path.Combine(own, "goddag.wav"), new short[800]);
        var library = new PromptLibrary([own, BundledPrompts()]);

        Assert.Equal(800, library.Get("goddag").Length);
        Assert.NotEqual(800, library.Get("farvel").Length);
        Directory.Delete(own, recursive: true);
    }

    [Fact]
    public void A_missing_prompt_is_an_error_naming_it_and_where_it_was_looked_for()
    {
        var library = new PromptLibrary([BundledPrompts()]);

        var e = Assert.Throws<AudioFormatException>(() => library.Get("findes-ikke"));

        Assert.Contains("prompt 'findes-ikke' not found", e.Message, StringComparison.Ordinal);
        Assert.Contains(BundledPrompts(), e.Message, StringComparison.Ordinal);
    }

    internal static string BundledPrompts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts", "da");
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }
}
