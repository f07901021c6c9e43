using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Voicemail;
using Omstilling.Media.Players;
using Omstilling.Media.Rtp;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>Where a caller is with what the platform itself says and hears.</summary>
internal enum MenuState
{
    /// <summary>No menu is offered and nothing is recorded; keys are not ours.</summary>
    Closed,

    /// <summary>A menu (or "Det valg findes ikke" before it again) is being read; a key cuts it short.</summary>
    Reading,

    /// <summary>Read out; the key timeout runs.</summary>
    WaitingForKey,

    /// <summary>A voicemail is being recorded (it ends on #, silence or its length).</summary>
    Recording,
}

/// <summary>
/// What the caller hears from the platform and answers with keys: the policy's menus read out
/// (invalid or no input says so and reads again, then the menu's fallback), "back" to the menu
/// before, messages, and voicemail. Owned by its call and used under the call's lock.
/// </summary>
internal sealed class MenuRunner(ICallSteps call, SipScheduler scheduler, Func<TelephonePolicy?> policy, IPolicyState state, IVoicemailBoxes voicemail, IStaffAbsence absence, CallOptions options)
{
    private readonly Stack<Menu> _opened = new();
    private readonly List<string> _choices = [];
    private ScheduledTimer? _timeout;
    private int _waits;
    private int _retries;
    private Recorder? _recorder;

    public MenuState State { get; private set; }

    /// <summary>The menu offered now, or null.</summary>
    public Menu? Current { get; private set; }

    /// <summary>The options the caller chose, in order (what the caller already told the machine).</summary>
    public IReadOnlyList<string> Choices => _choices;

    /// <summary>Opens <paramref name="menu"/> (again): remembered for "back", retries from zero, read out.</summary>
    public void Open(Menu menu)
    {
        if (!ReferenceEquals(_opened.TryPeek(out var top) ? top : null, menu))
        {
            _opened.Push(menu);
        }

        _retries = 0;
        Read(menu);
    }

    /// <summary>The policy's "back": the menu before this one, or the end of the call when there is none.</summary>
    public void Back()
    {
        if (_opened.Count > 1)
        {
            _opened.Pop();
        }

        if (_opened.TryPeek(out var previous))
        {
            Open(previous);
        }
        else
        {
            call.Finish(480, CallEndReason.Completed);
        }
    }

    /// <summary>Plays a message, then the action after it (or hangs up).</summary>
    public void PlayMessage(Prompt message, PolicyAction? then) =>
        call.PlayThen([PolicyPrompts.Key(message.Name)], () =>
        {
            if (then is null)
            {
                call.HangUp(CallEndReason.Completed);
            }
            else
            {
                call.Follow(then, 480, CallEndReason.Completed);
            }
        });

    /// <summary>
    /// The box's greeting (<see cref="VoicemailPrompts.BeforeTone"/>: the person's absence is told
    /// here when their own voicemail takes their calls), then records up to the longest voicemail (ending on #, five
    /// seconds of silence, or the caller hanging up) and keeps it in the box whatever becomes of
    /// the call; thanks the caller and hangs up.
    /// </summary>
    public void RecordVoicemail(string box)
    {
        var (recordings, prompts) = VoicemailPrompts.BeforeTone(voicemail.GreetingFor(box), absence.GreetingFor(box, call.Now));
        call.PlayThen(recordings, prompts, () =>
        {
            var recording = voicemail.StartRecording(box, RecordingPurpose.Message, call.Caller, call.Id, call.Now);
            var recorder = new Recorder(File.Create(recording.TemporaryFile), options.LongestVoicemail, TimeSpan.FromSeconds(5));
            _recorder = recorder;
            State = MenuState.Recording;
            call.Emit(call.Event(CallEventKind.Voicemail) with { VoicemailBox = box, Recording = VoicemailFolders.FinalName(recording.Id, recording.Purpose) });
            call.Observe(recorder.Completion.ContinueWith(_ => voicemail.KeepAsync(recording, recorder.Recorded, CancellationToken.None), TaskScheduler.Default).Unwrap(), "keeping a voicemail");
            call.After(recorder.Completion, () =>
            {
                _recorder = null;
                State = MenuState.Closed;
                call.PlayThen(["tak-for-besked"], () => call.HangUp(CallEndReason.Completed));
            }, "what follows a voicemail recording");
        });
    }

    /// <summary>A key of the caller's; false when neither a menu nor a recording takes it (it is then the other party's).</summary>
    public bool OnKey(RtpStream stream, char key)
    {
        if (Current is { } menu)
        {
            OnMenuKey(menu, key);
            return true;
        }

        if (_recorder is { } recorder)
        {
            recorder.OnDigit(stream, key);
            return true;
        }

        return false;
    }

    /// <summary>The caller's audio while no bridge takes it: for a recording.</summary>
    public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker) => _recorder?.OnAudio(stream, payload, marker);

    /// <summary>No menu any more, and any recording stops (the call moved on or ended).</summary>
    public void Close()
    {
        _timeout?.Cancel();
        Current = null;
        _recorder?.Stop();
        State = MenuState.Closed;
    }

    /// <summary>Reads the intro and the options offered now; a key may cut it short.</summary>
    private void Read(Menu menu)
    {
        if (policy() is not { } now)
        {
            call.Finish(500, CallEndReason.Failed);
            return;
        }

        _timeout?.Cancel();
        Current = menu;
        State = MenuState.Reading;
        var resolved = now.ResolveMenu(menu, call.Now, state);
        var prompts = new List<string> { PolicyPrompts.Key(menu.Intro.Name) };
        prompts.AddRange(resolved.AvailableOptions.Select(o => PolicyPrompts.Key(PolicyPrompts.OptionPrompt(menu, o))));
        call.PlayThen(prompts, () => WaitForKey(menu));
    }

    private void WaitForKey(Menu menu)
    {
        _timeout?.Cancel();
        State = MenuState.WaitingForKey;
        var wait = ++_waits;
        _timeout = scheduler.Schedule(menu.Timeout, _ => call.Locked(() => OnTimeout(wait), "a menu's key timeout"));
    }

    private void OnTimeout(int wait)
    {
        // A key that came while this timer fired has started another wait (or left the menu).
        if (Current is { } menu && State == MenuState.WaitingForKey && wait == _waits)
        {
            call.Emit(call.Event(CallEventKind.InvalidChoice) with { MenuId = menu.Id });
            Retry(menu, invalid: false);
        }
    }

    private void OnMenuKey(Menu menu, char key)
    {
        if (policy() is not { } now)
        {
            return;
        }

        _timeout?.Cancel();
        _waits++;
        var choice = now.MenuChoice(menu, key, call.Now, state);
        if (!choice.IsValid)
        {
            // A key that is one of the menu's options (not offered now) is the menu's to record;
            // any other key is what the caller typed, and is not kept.
            call.Emit(call.Event(CallEventKind.InvalidChoice) with { Digit = choice.Option is null ? null : key, MenuId = menu.Id, ChoiceOutcome = choice.Outcome });
            Retry(menu, invalid: true);
            return;
        }

        call.Emit(call.Event(CallEventKind.MenuChoice) with { Digit = key, MenuId = menu.Id, MenuOption = choice.Option!.Label });
        _choices.Add(choice.Option!.Label);
        Current = null;
        State = MenuState.Closed;
        call.Follow(choice.Action, 480, CallEndReason.Completed);
    }

    /// <summary>No key, or a key that leads nowhere now: say so, read the menu again, and after the retries the fallback.</summary>
    private void Retry(Menu menu, bool invalid)
    {
        if (++_retries > menu.Retries)
        {
            Current = null;
            State = MenuState.Closed;
            call.Follow(menu.OnNoInput, 480, CallEndReason.NoAnswer);
            return;
        }

        // The menu still listens while "Det valg findes ikke" plays: a caller who knows better need not wait for it.
        Current = menu;
        State = MenuState.Reading;
        var retries = _retries;
        List<string> before = invalid ? [menu.InvalidPrompt is { } said ? PolicyPrompts.Key(said.Name) : "ugyldigt-valg"] : ["ingen-valg"];
        call.PlayThen(before, () =>
        {
            Read(menu);
            _retries = retries;
        });
    }

}
