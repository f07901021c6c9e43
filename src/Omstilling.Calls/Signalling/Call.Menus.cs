using System.Globalization;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Media.Players;
using Omstilling.Policy.Model;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// What the caller hears from the platform itself: menus read out and answered by key presses
/// (invalid or no input repeats the menu, then the policy's fallback), messages, and voicemail.
/// </summary>
internal sealed partial class Call
{
    private readonly Stack<Menu> _menus = new();
    private Menu? _menu;
    private int _menuRetries;
    private ScheduledTimer? _keyTimeout;
    private int _keyWaits;
    private Recorder? _recorder;

    private void OpenMenu(Menu menu)
    {
        if (!ReferenceEquals(_menus.TryPeek(out var top) ? top : null, menu))
        {
            _menus.Push(menu);
        }

        _menuRetries = 0;
        ReadMenu(menu);
    }

    /// <summary>Reads the intro and the options offered now; a key may cut it short.</summary>
    private void ReadMenu(Menu menu)
    {
        if (_manager.Policy is not { } policy)
        {
            Finish(500, CallEndReason.Failed, null);
            return;
        }

        _menu = menu;
        var resolved = policy.ResolveMenu(menu, Stack.Scheduler.Time.GetUtcNow(), _manager.PolicyState);
        var prompts = new List<string> { PolicyPrompts.Key(menu.Intro.Name) };
        prompts.AddRange(resolved.AvailableOptions.Select(o => PolicyPrompts.Key(PolicyPrompts.OptionPrompt(menu, o))));
        PlayThen(prompts, () => WaitForKey(menu));
    }

    private void WaitForKey(Menu menu)
    {
        _keyTimeout?.Cancel();
        var wait = ++_keyWaits;
        _keyTimeout = Stack.Scheduler.Schedule(menu.Timeout, _ => OnKeyTimeout(wait));
    }

    private void OnKeyTimeout(int wait)
    {
        lock (_sync)
        {
            // A key that came while this timer fired has started another wait (or left the menu).
            if (_menu is { } menu && State != CallState.Ended && wait == _keyWaits)
            {
                Emit(Event(CallEventKind.InvalidChoice) with { MenuId = menu.Id });
                Retry(menu, invalid: false);
            }
        }
    }

    /// <summary>A key while a menu is offered (a key during the reading stops it).</summary>
    private void OnMenuKey(char key)
    {
        if (_menu is not { } menu || _manager.Policy is not { } policy)
        {
            return;
        }

        _keyTimeout?.Cancel();
        _keyWaits++;
        _player?.Stop();
        _player = null;
        var choice = policy.MenuChoice(menu, key, Stack.Scheduler.Time.GetUtcNow(), _manager.PolicyState);
        if (!choice.IsValid)
        {
            // A key that is one of the menu's options (not offered now) is the menu's to record;
            // any other key is what the caller typed, and is not kept.
            Emit(Event(CallEventKind.InvalidChoice) with { Digit = choice.Option is null ? null : key, MenuId = menu.Id, ChoiceOutcome = choice.Outcome });
            Retry(menu, invalid: true);
            return;
        }

        Emit(Event(CallEventKind.MenuChoice) with { Digit = key, MenuId = menu.Id, MenuOption = choice.Option!.Label });
        _menuChoices.Add(choice.Option!.Label);
        _menu = null;
        Follow(choice.Action, 480, CallEndReason.Completed);
    }

    /// <summary>No key, or a key that leads nowhere now: say so, read the menu again, and after the retries the fallback.</summary>
    private void Retry(Menu menu, bool invalid)
    {
        if (++_menuRetries > menu.Retries)
        {
            _menu = null;
            Follow(menu.OnNoInput, 480, CallEndReason.NoAnswer);
            return;
        }

        // The menu still listens while "Det valg findes ikke" plays: a caller who knows better
        // need not wait for it.
        _menu = menu;

        var retries = _menuRetries;
        List<string> before = invalid ? [menu.InvalidPrompt is { } said ? PolicyPrompts.Key(said.Name) : "ugyldigt-valg"] : ["ingen-valg"];
        PlayThen(before, () =>
        {
            ReadMenu(menu);
            _menuRetries = retries;
        });
    }

    private void GoBack()
    {
        if (_menus.Count > 1)
        {
            _menus.Pop();
        }

        if (_menus.TryPeek(out var previous))
        {
            OpenMenu(previous);
        }
        else
        {
            Finish(480, CallEndReason.Completed, null);
        }
    }

    private void StopCollecting()
    {
        _keyTimeout?.Cancel();
        _menu = null;
    }

    private void PlayMessage(Prompt message, PolicyAction? then) =>
        PlayThen([PolicyPrompts.Key(message.Name)], () =>
        {
            if (then is null)
            {
                HangUp(CallEndReason.Completed);
            }
            else
            {
                Follow(then, 480, CallEndReason.Completed);
            }
        });

    /// <summary>
    /// "Indtal din besked efter tonen", then records up to two minutes (ending on # or five seconds
    /// of silence) into the data directory's voicemail/&lt;box&gt; folder, thanks the caller and hangs up.
    /// </summary>
    private void RecordVoicemail(string box)
    {
        PlayThen(["indtal-besked", "tone"], () =>
        {
            var folder = Path.Combine(_manager.Options.VoicemailFolder, Sanitize(box));
            System.IO.Directory.CreateDirectory(folder);
            var now = Stack.Scheduler.Time.GetUtcNow();
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss}-{Sanitize(Caller)}-{Id:N}.wav"));
            var recorder = new Recorder(File.Create(file), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5));
            _recorder = recorder;
            Emit(Event(CallEventKind.Voicemail) with { VoicemailBox = box, Recording = Path.GetFileName(file) });
            var next = recorder.Completion.ContinueWith(
                _ =>
                {
                    lock (_sync)
                    {
                        _recorder = null;
                        if (State != CallState.Ended)
                        {
                            Guarded(() => PlayThen(["tak-for-besked"], () => HangUp(CallEndReason.Completed)));
                        }
                    }
                },
                TaskScheduler.Default);
            _manager.CallFaults.Observe(next, Id, "what follows a voicemail recording");
        });
    }

    private static string Sanitize(string text) => string.Concat(text.Where(char.IsLetterOrDigit));
}
