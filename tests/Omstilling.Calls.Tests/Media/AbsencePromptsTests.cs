using Omstilling.Calls.Control;
using Omstilling.Calls.Media;
using Omstilling.Media.Prompts;

namespace Omstilling.Calls.Tests.Media;

/// <summary>What callers and staff hear about absence, word for word, from prompts that exist.</summary>
public sealed class AbsencePromptsTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    [Fact]
    public void Back_today_the_time_alone_is_said()
    {
        var greeting = new AbsenceGreeting("Anne Sørensen", "navn-anne-soerensen", "fravaer-moede", new DateTime(2026, 12, 1, 14, 0, 0), Tuesday);

        Assert.Equal(["du-har-ringet-til", "navn-anne-soerensen", "fravaer-moede", "traeffes-igen", "klokken", "tal-14"], AbsencePrompts.Greeting(greeting));
    }

    [Fact]
    public void Back_another_day_the_day_is_said_too_and_minutes_with_the_time()
    {
        var greeting = new AbsenceGreeting("Anne Sørensen", "navn-anne-soerensen", "fravaer-ferie", new DateTime(2026, 12, 7, 8, 30, 0), Tuesday);

        Assert.Equal(
            ["du-har-ringet-til", "navn-anne-soerensen", "fravaer-ferie", "traeffes-igen", "ugedag-mandag", "den", "dato-7", "maaned-december", "klokken", "tal-8", "tal-30"],
            AbsencePrompts.Greeting(greeting));
    }

    [Fact]
    public void Without_a_spoken_name_or_an_end_the_caller_hears_of_a_colleague_away()
    {
        var greeting = new AbsenceGreeting("Anne Sørensen", null, "kan-ikke-tage-telefonen", null, Tuesday);

        Assert.Equal(["du-har-ringet-til-en-medarbejder", "kan-ikke-tage-telefonen"], AbsencePrompts.Greeting(greeting));
    }

    [Fact]
    public void Each_result_of_a_feature_code_has_its_own_confirmation()
    {
        Assert.Equal(["fravaer-registreret", "til", "klokken", "tal-14"], AbsencePrompts.Confirmation(PhoneAbsenceResult.Set, new TimeOnly(14, 0)));
        Assert.Equal(["fravaer-registreret"], AbsencePrompts.Confirmation(PhoneAbsenceResult.Set, null));
        var heard = Enum.GetValues<PhoneAbsenceResult>().Select(r => string.Join(' ', AbsencePrompts.Confirmation(r, null))).ToList();
        Assert.Equal(heard.Count, heard.Distinct().Count());
    }

    [Fact]
    public void Every_prompt_they_use_is_a_standard_prompt()
    {
        var standard = StandardPrompts.Names.ToHashSet();
        var used = Enum.GetValues<PhoneAbsenceResult>().SelectMany(r => AbsencePrompts.Confirmation(r, new TimeOnly(23, 59)))
            .Concat(AbsencePrompts.Greeting(new AbsenceGreeting("x", null, "fravaer-moede", new DateTime(2026, 12, 24, 9, 5, 0), Tuesday)));

        Assert.All(used, name => Assert.Contains(name, standard));
    }
}
