using System.Collections;
using System.Reflection;
using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Tests.Script;

public sealed class ProfileFileTests
{
    private static readonly PropertyInfo[] Figures = typeof(SimulationProfile).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    [Fact]
    public void The_example_file_is_the_built_in_default()
    {
        var result = ProfileFile.LoadFile(ExampleFile());

        Assert.True(result.Succeeded, result.Report());
        Assert.Empty(result.Diagnostics);
        Assert.All(Figures, p => Assert.True(Same(p.GetValue(result.Profile), p.GetValue(new SimulationProfile())), $"{p.Name} differs from the default"));
    }

    [Fact]
    public void Every_figure_of_the_profile_can_be_set_in_a_file()
    {
        const string Yaml = """
            arrivals:
              workday: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2.5]
              weekend: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
            citizens:
              impatient-percent: 1
              impatient-wait-seconds: 5-6
              patience-seconds: 60
              direct-calls-percent: 2.5
              calls-again-percent: 3
              calls-again-after-minutes: 1-2
            survey:
              opt-in-percent: 100
              answers-percent: [20, 20, 20, 20, 20]
              no-answer-percent: 0
            operators:
              rings-out-percent: 0
              answer-delay-seconds: 0.5-1.5
              talk-seconds: 10-20
              transfer-percent: 50
            staff:
              extensions: [3001]
              answers-percent-by-hour: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]
              answer-delay-seconds: 3-4
              talk-seconds: 100-200
              wrong-person-percent: 50
            """;

        var result = ProfileFile.Load(Yaml, "every.yaml");

        Assert.True(result.Succeeded, result.Report());
        Assert.All(Figures, p => Assert.False(Same(p.GetValue(result.Profile), p.GetValue(new SimulationProfile())), $"{p.Name} cannot be set"));
        var profile = result.Profile;
        Assert.Equal(2.5, profile.WorkdayArrivals[23]);
        Assert.Equal(0.025, profile.DirectCalls);
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)), profile.Patience);
        Assert.Equal((TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1500)), profile.AnswerDelay);
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)), profile.CallsAgainAfter);
        Assert.Equal(["3001"], profile.Staff);
        Assert.Equal([0.2, 0.2, 0.2, 0.2, 0.2], profile.SurveyAnswers);
    }

    [Fact]
    public void Missing_keys_keep_their_defaults()
    {
        var result = ProfileFile.Load("citizens:\n  direct-calls-percent: 0\nsurvey:\n", "short.yaml");

        Assert.True(result.Succeeded, result.Report());
        Assert.All(Figures.Where(p => p.Name != nameof(SimulationProfile.DirectCalls)), p => Assert.True(Same(p.GetValue(result.Profile), p.GetValue(new SimulationProfile())), p.Name));
        Assert.Equal(0, result.Profile.DirectCalls);
    }

    [Theory]
    [InlineData("arivals:\n  workday: []\n", "p.yaml:1:1: error: unknown key 'arivals' in the profile; expected one of: arrivals, citizens, survey, operators, staff")]
    [InlineData("survey:\n  opt-in: 60\n", "p.yaml:2:3: error: unknown key 'opt-in' in the survey; expected one of: opt-in-percent, answers-percent, no-answer-percent")]
    [InlineData("survey:\n  opt-in-percent: 150\n", "p.yaml:2:19: error: 'opt-in-percent' in the survey is '150'; expected a percentage from 0 to 100")]
    [InlineData("survey:\n  opt-in-percent: 60 %\n", "p.yaml:2:19: error: 'opt-in-percent' in the survey is '60 %'; expected a percentage from 0 to 100")]
    [InlineData("survey:\n  answers-percent: [10, 10, 10, 10, 10]\n", "p.yaml:2:20: error: 'answers-percent' in the survey adds up to 50; expected percentages (keys 1 to 5) that add up to 100")]
    [InlineData("arrivals:\n  workday: [1, 2, 3]\n", "p.yaml:2:12: error: 'workday' in the arrivals has 3 figure(s); expected a list of 24 calls per hour from 0 to 10000")]
    [InlineData("arrivals:\n  weekend: 5\n", "p.yaml:2:12: error: 'weekend' in the arrivals must be a list of 24 calls per hour from 0 to 10000, not a text")]
    [InlineData("arrivals:\n  weekend: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n", "p.yaml:2:46: error: a figure of 'weekend' in the arrivals is '-1'; expected calls per hour from 0 to 10000")]
    [InlineData("operators:\n  talk-seconds: 240-30\n", "p.yaml:2:17: error: 'talk-seconds' in the operators is '240-30': the shortest is longer than the longest; expected seconds as SHORTEST-LONGEST such as 30-240")]
    [InlineData("operators:\n  talk-seconds: 4 min\n", "p.yaml:2:17: error: 'talk-seconds' in the operators is '4 min'; expected seconds as SHORTEST-LONGEST such as 30-240")]
    [InlineData("citizens:\n  calls-again-after-minutes: 5-2000\n", "p.yaml:2:30: error: 'calls-again-after-minutes' in the citizens is '5-2000': longer than a day; expected minutes as SHORTEST-LONGEST such as 5-25")]
    [InlineData("staff:\n  extensions: [2001, 02002]\n", "p.yaml:2:22: error: '02002' in 'extensions' of the staff is not an extension; expected a list of extensions (2 to 6 digits not starting with 0) such as [2001, 2002]")]
    [InlineData("staff:\n  extensions: []\n", "p.yaml:2:15: error: the staff's extensions are empty, but the operators transfer calls; expected extensions to put calls through to, or transfer-percent: 0")]
    [InlineData("staff: [2001]\n", "p.yaml:1:8: error: 'staff' in the profile must be a mapping of extensions, answers-percent-by-hour, answer-delay-seconds, talk-seconds, wrong-person-percent, not a list")]
    [InlineData("- 1\n", "p.yaml:1:1: error: the profile must be a mapping of keys (arrivals, citizens, survey, operators, staff)")]
    [InlineData("survey:\n  opt-in-percent: 60\n  opt-in-percent: 70\n", "p.yaml:3:3: error: YAML syntax: Duplicate key opt-in-percent")]
    public void A_wrong_key_or_value_is_an_error_at_its_place(string yaml, string expected)
    {
        var result = ProfileFile.Load(yaml, "p.yaml");

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Report());
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var result = ProfileFile.Load("survey:\n  opt-in-percent: x\noperators:\n  rings-out-percent: 101\n  colour: red\n", "p.yaml");

        Assert.Equal(
            """
            p.yaml:2:19: error: 'opt-in-percent' in the survey is 'x'; expected a percentage from 0 to 100
            p.yaml:4:22: error: 'rings-out-percent' in the operators is '101'; expected a percentage from 0 to 100
            p.yaml:5:3: error: unknown key 'colour' in the operators; expected one of: rings-out-percent, answer-delay-seconds, talk-seconds, transfer-percent
            """.ReplaceLineEndings("\n"),
            result.Report());
    }

    [Fact]
    public void A_file_that_cannot_be_read_says_so()
    {
        var result = ProfileFile.LoadFile("/nonexistent/profile.yaml");

        Assert.False(result.Succeeded);
        Assert.StartsWith("/nonexistent/profile.yaml:1:1: error: cannot read the profile file: ", result.Report(), StringComparison.Ordinal);
    }

    /// <summary>The example in the repository (not a copy in the output), found upwards from the tests' folder.</summary>
    internal static string ExampleFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, "config", "simulation-example.yaml");
            if (File.Exists(file) && File.Exists(Path.Combine(folder.FullName, "Omstilling.slnx")))
            {
                return file;
            }
        }

        throw new FileNotFoundException("config/simulation-example.yaml was not found above " + AppContext.BaseDirectory);
    }

    private static bool Same(object? a, object? b) => a is IEnumerable one && b is IEnumerable other && a is not string
        ? one.Cast<object>().SequenceEqual(other.Cast<object>())
        : Equals(a, b);
}
