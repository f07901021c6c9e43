using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Parts.Support;
using Omstilling.Calls.Tests.Support;
using Omstilling.Media.Audio;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="MenuRunner"/>'s state machine with the bundled policy and a hand-written call:
/// Closed → Reading (the menu is read) → WaitingForKey (read out; the key timeout runs) → Closed
/// (a valid key, followed); a wrong key or no key → Reading again, and after the retries Closed by
/// the menu's fallback; a key while reading cuts it short; Closed → Recording (voicemail, after its
/// prompts) → Closed (thanks, then the call is hung up). Keys are not the menu's while it is closed.
/// </summary>
public sealed class MenuRunnerTests
{
    /// <summary>Tuesday 1 December 2026, 22:00 in Copenhagen: after hours, in winter.</summary>
    private static readonly DateTimeOffset WinterNight = new(2026, 12, 1, 21, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 1 July 2026, 22:00 in Copenhagen: after hours, in summer (no snow watch).</summary>
    private static readonly DateTimeOffset SummerNight = new(2026, 7, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Closed_reading_waiting_for_a_key_then_closed_by_a_valid_key_that_is_followed()
    {
        await using var b = new MenuBench();
        Assert.Equal(MenuState.Closed, b.Menus.State);

        b.Menus.Open(b.Menu("efter-lukketid"));
        Assert.Equal(MenuState.Reading, b.Menus.State);
        Assert.Equal(["policy/menu-after-hours", "policy/menu-efter-lukketid-1", "policy/menu-efter-lukketid-2", "policy/menu-efter-lukketid-3", "policy/menu-efter-lukketid-4"], b.Host.PromptsPlayed[^1]);

        b.Host.FinishPrompts();
        Assert.Equal(MenuState.WaitingForKey, b.Menus.State);

        Assert.True(b.Key('4'));
        Assert.Equal(MenuState.Closed, b.Menus.State);
        Assert.Null(b.Menus.Current);
        Assert.Equal(["andre henvendelser"], b.Menus.Choices);
        var choice = b.Host.Single(CallEventKind.MenuChoice);
        Assert.Equal(('4', "efter-lukketid", "andre henvendelser"), (choice.Digit, choice.MenuId, choice.MenuOption));
        Assert.Equal("Follow Message andre-henvendelser 480 Completed", b.Host.Steps[^1]);
    }

    [Fact]
    public async Task A_key_while_the_menu_is_read_cuts_it_short()
    {
        await using var b = new MenuBench();
        b.Menus.Open(b.Menu("efter-lukketid"));

        Assert.True(b.Key('1'));

        Assert.Equal(MenuState.Closed, b.Menus.State);
        Assert.StartsWith("Follow Menu teknik-og-miljoe", b.Host.Steps[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_no_option_is_invalid_not_recorded_and_the_menu_is_read_again()
    {
        await using var b = new MenuBench();
        b.OpenAndRead("efter-lukketid");

        b.Key('7');

        Assert.Equal(MenuState.Reading, b.Menus.State);
        var invalid = b.Host.Single(CallEventKind.InvalidChoice);
        Assert.Equal(((char?)null, MenuChoiceOutcome.NoSuchOption), (invalid.Digit, invalid.ChoiceOutcome));
        Assert.Equal(["policy/ugyldigt-valg"], b.Host.PromptsPlayed[^1]);
        b.Host.FinishPrompts(); // "Det valg findes ikke", then the menu again
        Assert.Equal("policy/menu-after-hours", b.Host.PromptsPlayed[^1][0]);
        b.Host.FinishPrompts();
        Assert.Equal(MenuState.WaitingForKey, b.Menus.State);
    }

    [Fact]
    public async Task An_option_not_offered_now_is_invalid_and_its_key_is_the_menus_to_record()
    {
        await using var b = new MenuBench(SummerNight);
        b.OpenAndRead("teknik-og-miljoe");

        b.Key('5'); // the snow watch, only in winter

        var invalid = b.Host.Single(CallEventKind.InvalidChoice);
        Assert.Equal(((char?)'5', MenuChoiceOutcome.NotAvailableNow), (invalid.Digit, invalid.ChoiceOutcome));
        Assert.Equal(MenuState.Reading, b.Menus.State);
    }

    [Fact]
    public async Task No_key_reads_the_menu_again_twice_and_then_the_fallback_closes_it()
    {
        await using var b = new MenuBench();
        b.OpenAndRead("efter-lukketid");

        for (var retry = 1; retry <= 2; retry++)
        {
            b.Rig.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(MenuState.Reading, b.Menus.State);
            Assert.Equal(["ingen-valg"], b.Host.PromptsPlayed[^1]);
            b.Host.FinishPrompts();
            b.Host.FinishPrompts();
            Assert.Equal(MenuState.WaitingForKey, b.Menus.State);
        }

        b.Rig.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(MenuState.Closed, b.Menus.State);
        Assert.Equal(3, b.Host.Events.Count(e => e.Kind == CallEventKind.InvalidChoice));
        Assert.Equal("Follow none  480 NoAnswer", b.Host.Steps[^1]);
    }

    [Fact]
    public async Task A_key_cancels_the_running_key_timeout()
    {
        await using var b = new MenuBench();
        b.OpenAndRead("efter-lukketid");
        b.Rig.Advance(TimeSpan.FromSeconds(4.9));
        b.Key('7'); // wrong: the menu is read again ...
        b.Host.FinishPrompts();
        b.Host.FinishPrompts(); // ... and waits afresh

        b.Rig.Advance(TimeSpan.FromSeconds(4.9)); // the first wait would have ended by now

        Assert.Equal(MenuState.WaitingForKey, b.Menus.State);
        Assert.Single(b.Host.Events, e => e.Kind == CallEventKind.InvalidChoice);
    }

    /// <summary>The race of a key and the key timeout: the timer fired and waits for the call's lock while a key is handled and a new wait starts.</summary>
    [Fact]
    public async Task A_timeout_that_fired_while_a_key_was_handled_does_not_count_against_the_new_wait()
    {
        await using var b = new MenuBench();
        b.OpenAndRead("efter-lukketid");
        b.Host.HoldLock = true;
        b.Rig.Advance(TimeSpan.FromSeconds(5)); // the timeout fires, and waits for the lock
        b.Key('7');
        b.Host.FinishPrompts();
        b.Host.FinishPrompts();
        Assert.Equal(MenuState.WaitingForKey, b.Menus.State);

        b.Host.RunWaiting();

        Assert.Equal(MenuState.WaitingForKey, b.Menus.State);
        var invalid = Assert.Single(b.Host.Events, e => e.Kind == CallEventKind.InvalidChoice);
        Assert.Equal(MenuChoiceOutcome.NoSuchOption, invalid.ChoiceOutcome); // the key's, not the timeout's
    }

    [Fact]
    public async Task Back_opens_the_menu_before_or_the_first_again_and_with_no_menu_finishes_the_call()
    {
        await using var b = new MenuBench();
        b.Menus.Back();
        Assert.Equal("Finish 480 Completed", b.Host.Steps[^1]);

        var first = b.Menu("efter-lukketid");
        b.Menus.Open(first);
        b.Menus.Open(b.Menu("teknik-og-miljoe"));
        b.Menus.Back();
        Assert.Same(first, b.Menus.Current);
        Assert.Equal(MenuState.Reading, b.Menus.State);

        b.Menus.Back();
        Assert.Same(first, b.Menus.Current);
        Assert.Equal("policy/menu-after-hours", b.Host.PromptsPlayed[^1][0]);
    }

    [Fact]
    public async Task Closing_stops_the_menu_and_its_timeout_and_keys_are_no_longer_the_menus()
    {
        await using var b = new MenuBench();
        b.OpenAndRead("efter-lukketid");

        b.Menus.Close();
        b.Rig.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(MenuState.Closed, b.Menus.State);
        Assert.False(b.Key('1'));
        Assert.Empty(b.Host.Events);
    }

    [Fact]
    public async Task A_voicemail_is_recorded_after_its_prompts_ends_on_the_hash_key_is_kept_whole_and_thanks_the_caller_before_hanging_up()
    {
        await using var b = new MenuBench();

        b.Menus.RecordVoicemail("2012");
        Assert.Equal(MenuState.Closed, b.Menus.State);
        Assert.Equal(["indtal-besked", "tone"], b.Host.PromptsPlayed[^1]);
        b.Host.FinishPrompts();
        Assert.Equal(MenuState.Recording, b.Menus.State);
        var voicemail = b.Host.Single(CallEventKind.Voicemail);
        Assert.Equal("2012", voicemail.VoicemailBox);
        var kept = Path.Combine(b.Rig.VoicemailFolder, "2012", voicemail.Recording!);
        Assert.True(File.Exists(kept + ".part")); // written beside its place until whole
        Assert.False(File.Exists(kept));

        b.Speak(TimeSpan.FromSeconds(1.5));
        Assert.True(b.Key('#'));
        await b.Host.FinishAfterAsync();
        await Task.WhenAll(b.Host.Observed).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(File.Exists(kept));
        Assert.False(File.Exists(kept + ".part"));
        Assert.Equal(1.5, WavReader.Read(kept).Duration.TotalSeconds, precision: 2);
        Assert.Equal(MenuState.Closed, b.Menus.State);
        Assert.Equal(["tak-for-besked"], b.Host.PromptsPlayed[^1]);
        b.Host.FinishPrompts();
        Assert.Equal("HangUp Completed", b.Host.Steps[^1]);
    }

    [Fact]
    public async Task A_voicemail_shorter_than_a_second_is_not_kept()
    {
        await using var b = new MenuBench();
        b.Menus.RecordVoicemail("2012");
        b.Host.FinishPrompts();
        var kept = Path.Combine(b.Rig.VoicemailFolder, "2012", b.Host.Single(CallEventKind.Voicemail).Recording!);

        b.Speak(TimeSpan.FromSeconds(0.5));
        b.Menus.Close(); // the caller hung up
        await Task.WhenAll(b.Host.Observed).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(kept)!));
    }

    [Fact]
    public async Task A_message_plays_then_hangs_up_or_follows_what_comes_after_it()
    {
        await using var b = new MenuBench();
        var prompt = new Prompt("lukket", "Lukket.", default);

        b.Menus.PlayMessage(prompt, new PolicyAction(ActionKind.Queue, "hovedomstilling", default));
        b.Host.FinishPrompts();
        Assert.Equal("Follow Queue hovedomstilling 480 Completed", b.Host.Steps[^1]);

        b.Menus.PlayMessage(prompt, then: null);
        b.Host.FinishPrompts();
        Assert.Equal("HangUp Completed", b.Host.Steps[^1]);
    }

    /// <summary>A menu runner of the bundled policy at <see cref="WinterNight"/> (or another time), on a recording call.</summary>
    private sealed class MenuBench : IAsyncDisposable
    {
        public MenuBench(DateTimeOffset? at = null)
        {
            Rig = new PartsRig(B2buaFixture.BundledPolicy(), at ?? WinterNight);
            Host = new FakeCallHost(() => Rig.Now);
            Menus = new MenuRunner(Host, Rig.Server.Scheduler, () => Rig.Policy, PolicyState.Staffed, Rig.Services.Voicemail, Rig.Services.Staff.Absence, Rig.Options);
            Caller = Rig.NewMedia().Stream;
        }

        public PartsRig Rig { get; }

        public FakeCallHost Host { get; }

        public MenuRunner Menus { get; }

        public Omstilling.Media.Rtp.RtpStream Caller { get; }

        public Menu Menu(string id) => Rig.Policy!.Menus[id];

        /// <summary>Opens the menu and lets it be read out: it waits for a key.</summary>
        public void OpenAndRead(string id)
        {
            Menus.Open(Menu(id));
            Host.FinishPrompts();
            Assert.Equal(MenuState.WaitingForKey, Menus.State);
        }

        public bool Key(char key) => Menus.OnKey(Caller, key);

        /// <summary>The caller talks (a loud tone, A-law as the stream has it) for <paramref name="length"/>.</summary>
        public void Speak(TimeSpan length)
        {
            var pcm = new short[AudioClip.SamplesPerFrame];
            var payload = new byte[pcm.Length];
            for (var i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / AudioClip.SampleRate));
            }

            Omstilling.Media.Codecs.G711.EncodeALaw(pcm, payload);
            for (var sent = TimeSpan.Zero; sent < length; sent += TimeSpan.FromMilliseconds(20))
            {
                Menus.OnAudio(Caller, payload, marker: false);
            }
        }

        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}
