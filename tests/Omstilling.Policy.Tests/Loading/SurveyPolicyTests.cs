using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;

namespace Omstilling.Policy.Tests.Loading;

/// <summary>The policy's <c>survey:</c>: who is asked, the share, the prompts and the scale, and every mistake at its place.</summary>
public sealed class SurveyPolicyTests
{
    private const string Minimal = """
        organisation: Testkommune
        time-zone: Europe/Copenhagen
        prompts:
          lukket: Vi har lukket.
          invitation: Tast 1, hvis du vil svare på et enkelt spørgsmål efter samtalen.
          spoergsmaal: Hvor tilfreds er du? Tast 1 til 5.
          tak: Tak for dit svar.
        switchboard:
          number: 54 73 10 00
          operators: [100]
          overflow:
            outside-hours:
              message: lukket
        """;

    private const string Prompts = "  invitation: invitation\n  question: spoergsmaal\n  thanks: tak\n";

    private static PolicyLoadResult Load(string survey) => PolicyLoader.Load(Minimal + "\nsurvey:\n" + survey, "survey.yaml");

    [Fact]
    public void The_bundled_policy_asks_a_fifth_of_the_switchboards_callers_on_a_five_point_scale()
    {
        var survey = Guldborgsund.Bundled.Survey;

        Assert.NotNull(survey);
        Assert.Equal(SurveyAudience.Switchboard, survey.Ask);
        Assert.Equal(20, survey.SharePercent);
        Assert.Equal("Tast 1, hvis du vil svare på et enkelt spørgsmål efter samtalen.", survey.Invitation.Text);
        Assert.StartsWith("Hvor tilfreds er du med den hjælp, du fik?", survey.Question.Text, StringComparison.Ordinal);
        Assert.Equal((5, 4), (survey.Scale, survey.SatisfiedFrom));
    }

    [Fact]
    public void Without_a_survey_nobody_is_asked()
    {
        Assert.Null(PolicyLoader.Load(Minimal, "minimal.yaml").Policy!.Survey);
    }

    [Fact]
    public void A_survey_without_scale_is_one_to_five_with_four_and_five_satisfied()
    {
        var result = Load("  ask: everyone\n  share-percent: 100\n" + Prompts);

        Assert.True(result.Succeeded, result.Report());
        var survey = result.Policy!.Survey!;
        Assert.Equal(SurveyAudience.Everyone, survey.Ask);
        Assert.Equal((100, 5, 4), (survey.SharePercent, survey.Scale, survey.SatisfiedFrom));
        Assert.Equal("spoergsmaal", survey.Question.Name);
        Assert.Equal("Tak for dit svar.", survey.Thanks.Text);
    }

    [Theory]
    [InlineData("  ask: alle\n  share-percent: 20\n" + Prompts, "survey.yaml:15:8: error: survey: ask is 'alle'; expected one of: switchboard, everyone")]
    [InlineData("  ask: switchboard\n  share-percent: 120\n" + Prompts, "survey.yaml:16:18: error: 'share-percent' in survey is '120'; expected a whole number from 0 to 100")]
    [InlineData("  ask: switchboard\n" + Prompts, "survey.yaml:15:3: error: survey has no 'share-percent'; expected the share of callers asked, 0-100")]
    [InlineData("  ask: switchboard\n  share-percent: 20\n  scale: 3\n  satisfied-from: 4\n" + Prompts, "survey.yaml:18:19: error: survey: satisfied-from (4) is above the scale (1-3); expected an answer on the scale")]
    [InlineData("  ask: switchboard\n  share-percent: 20\n  scale: 10\n" + Prompts, "survey.yaml:17:10: error: 'scale' in survey is '10'; expected a whole number from 2 to 9")]
    [InlineData("  ask: switchboard\n  share-percent: 20\n  invitation: tast-1\n  question: spoergsmaal\n  thanks: tak\n", "survey.yaml:17:15: error: survey: invitation names prompt 'tast-1', which is not in 'prompts'; expected one of: invitation, lukket, spoergsmaal, tak")]
    [InlineData("  ask: switchboard\n  share-percent: 20\n  invitation: invitation\n  thanks: tak\n", "survey.yaml:15:3: error: survey has no 'question'; expected a prompt name (its text e.g. \"Hvor tilfreds er du med hjælpen? Tast 1 til 5\")")]
    [InlineData("  ask: switchboard\n  share-percent: 20\n  answer: 5\n" + Prompts, "survey.yaml:17:3: error: unknown key 'answer' in survey; expected one of: ask, share-percent, invitation, question, thanks, scale, satisfied-from")]
    public void A_mistake_in_the_survey_is_an_error_at_its_place(string body, string expected)
    {
        var result = Load(body);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void The_switchboards_survey_asks_callers_of_the_main_number_and_everyones_asks_any_number_of_the_plan()
    {
        var policy = Load("  ask: switchboard\n  share-percent: 20\n" + Prompts).Policy!;
        var main = policy.Numbers["54731000"];
        var extension = policy.Numbers["100"];
        var switchboard = policy.Survey!;
        var everyone = switchboard with { Ask = SurveyAudience.Everyone };

        Assert.True(switchboard.Asks(main));
        Assert.False(switchboard.Asks(extension));
        Assert.False(switchboard.Asks(null));
        Assert.True(everyone.Asks(extension));
        Assert.False(everyone.Asks(null));
    }

    [Theory]
    [InlineData('1', 1)]
    [InlineData('5', 5)]
    [InlineData('6', null)]
    [InlineData('0', null)]
    [InlineData('#', null)]
    public void A_key_is_an_answer_only_on_the_scale(char key, int? answer)
    {
        var survey = Load("  ask: switchboard\n  share-percent: 20\n" + Prompts).Policy!.Survey!;

        Assert.Equal(answer, survey.AnswerOf(key));
    }
}
