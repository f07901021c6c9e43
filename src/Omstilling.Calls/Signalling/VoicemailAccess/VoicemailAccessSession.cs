using System.Text;
using Omstilling.Calls.Control;
using Omstilling.Media.Audio;
using Omstilling.Media.Players;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling.VoicemailAccess;

/// <summary>
/// A person on the voicemail number, at their own box (the authenticated extension): the PIN
/// (three tries), then "Du har … nye beskeder og … gemte beskeder", 1 to listen (new first), 5 to
/// record their greeting (the absence greeting while they are coded away). After each message: 1
/// again, 3 next, 7 delete, 9 keep as new; a message heard to its end is marked heard, and any key
/// while it plays acts at once. Owned by its call and used under the call's lock.
/// </summary>
internal sealed class VoicemailAccessSession(IVoicemailAccessHost host, IVoicemailBoxes boxes, CallOptions options, TimeZoneInfo zone)
{
    public const int PinTries = 3;

    /// <summary>How long a key is waited for after a menu or a message's choices.</summary>
    public static readonly TimeSpan KeyWait = TimeSpan.FromSeconds(10);

    /// <summary>Keys pressed while the box works (a PIN being checked, a recording fetched): kept, in order, for the next state that takes keys.</summary>
    private const int EarlyKeys = 32;

    private readonly StringBuilder _pin = new();
    private readonly Queue<char> _early = new();
    private List<VoicemailListing> _messages = [];
    private int _index;
    private int _tries;
    private int _menuRounds;
    private ScheduledTimer? _timeout;
    private Recorder? _recorder;
    private VoicemailRecording? _greeting;

    public VoicemailAccessState State { get; private set; }

    private string Box => host.Caller;

    public void Start()
    {
        State = VoicemailAccessState.Opening;
        host.After(boxes.HasPinAsync(Box, CancellationToken.None), hasPin =>
        {
            if (hasPin)
            {
                AskPin(["telefonsvarer-pinkode"]);
            }
            else
            {
                State = VoicemailAccessState.NoPin;
                host.HangUpAfter(["telefonsvarer-ingen-pinkode", "farvel"]);
            }
        }, "looking up a voicemail box's PIN");
    }

    public void OnKey(char key)
    {
        switch (State)
        {
            case VoicemailAccessState.EnteringPin:
                PinKey(key);
                break;
            case VoicemailAccessState.Menu:
                MenuKey(key);
                break;
            case VoicemailAccessState.Playing or VoicemailAccessState.Choosing:
                MessageKey(key);
                break;
            case VoicemailAccessState.RecordingGreeting:
                _recorder?.Stop(); // any key ends the greeting ("tast firkant, når du er færdig")
                break;
            case VoicemailAccessState.Opening or VoicemailAccessState.CheckingPin or VoicemailAccessState.Loading or VoicemailAccessState.Saving:
                if (_early.Count < EarlyKeys)
                {
                    _early.Enqueue(key); // typed ahead: the next state that takes keys gets it
                }

                break;
            case VoicemailAccessState.NoPin or VoicemailAccessState.Leaving:
                break; // the call is ending
            default:
                throw new System.Diagnostics.UnreachableException($"VoicemailAccessState {State}");
        }
    }

    /// <summary>The caller's audio: for a greeting being recorded.</summary>
    public void OnAudio(Omstilling.Media.Rtp.RtpStream stream, ReadOnlySpan<byte> payload, bool marker) =>
        _recorder?.OnAudio(stream, payload, marker);

    /// <summary>The call ended: timers stop, and a greeting cut off by the hang-up is thrown away.</summary>
    public void Close()
    {
        _timeout?.Cancel();
        State = VoicemailAccessState.Leaving;
        if (_recorder is { } recorder && _greeting is { } greeting)
        {
            _recorder = null;
            _greeting = null;
            recorder.Stop();
            File.Delete(greeting.TemporaryFile);
        }
    }

    private void AskPin(IReadOnlyList<string> prompts)
    {
        State = VoicemailAccessState.EnteringPin;
        _pin.Clear();
        PlayThenWait(prompts, SubmitPin);
        TakeEarlyKeys();
    }

    /// <summary>Gives the keys typed ahead to the state that now takes keys, while it does.</summary>
    private void TakeEarlyKeys()
    {
        while (_early.Count > 0 && State is VoicemailAccessState.EnteringPin or VoicemailAccessState.Menu
            or VoicemailAccessState.Playing or VoicemailAccessState.Choosing)
        {
            OnKey(_early.Dequeue());
        }
    }

    private void PinKey(char key)
    {
        host.StopPlaying();
        WaitForKey(SubmitPin);
        switch (key)
        {
            case '#':
                SubmitPin();
                break;
            case '*':
                _pin.Clear();
                break;
            case >= '0' and <= '9' when _pin.Length < 16:
                _pin.Append(key);
                break;
            default:
                break; // a seventeenth digit, or A–D: not part of any PIN
        }
    }

    private void SubmitPin()
    {
        _timeout?.Cancel();
        State = VoicemailAccessState.CheckingPin;
        host.After(boxes.CheckPinAsync(Box, _pin.ToString(), CancellationToken.None), right =>
        {
            if (right)
            {
                LoadThenMenu([]);
            }
            else if (++_tries >= PinTries)
            {
                State = VoicemailAccessState.Leaving;
                host.HangUpAfter(["telefonsvarer-forkert-pinkode", "farvel"]);
            }
            else
            {
                AskPin(["telefonsvarer-forkert-pinkode", "telefonsvarer-pinkode"]);
            }
        }, "checking a voicemail PIN");
    }

    private void LoadThenMenu(IReadOnlyList<string> first)
    {
        State = VoicemailAccessState.Loading;
        host.After(boxes.MessagesAsync(Box, CancellationToken.None), messages =>
        {
            _messages = [.. messages];
            _menuRounds = 0;
            Menu(first);
        }, "reading a voicemail box");
    }

    private void Menu(IReadOnlyList<string> first)
    {
        State = VoicemailAccessState.Menu;
        var fresh = _messages.Count(m => !m.Heard);
        PlayThenWait([.. first, .. VoicemailAccessPrompts.Counts(fresh, _messages.Count - fresh), "telefonsvarer-menu"], () =>
        {
            if (++_menuRounds < 3)
            {
                Menu([]);
            }
            else
            {
                State = VoicemailAccessState.Leaving;
                host.HangUpAfter(["farvel"]);
            }
        });
        TakeEarlyKeys();
    }

    private void MenuKey(char key)
    {
        host.StopPlaying();
        _timeout?.Cancel();
        _menuRounds = 0;
        switch (key)
        {
            case '1' when _messages.Count > 0:
                _index = 0;
                PlayMessage();
                break;
            case '1':
                Menu(["ikke-flere-beskeder"]);
                break;
            case '5':
                RecordGreeting();
                break;
            default:
                Menu(["ugyldigt-valg"]);
                break;
        }
    }

    private void PlayMessage()
    {
        State = VoicemailAccessState.Loading;
        var message = _messages[_index];
        host.After(boxes.RecordingAsync(message, CancellationToken.None), recording =>
        {
            State = VoicemailAccessState.Playing;
            var local = TimeZoneInfo.ConvertTime(message.ReceivedAt, zone).DateTime;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Now, zone).DateTime);
            host.Play([.. host.Prompts(VoicemailAccessPrompts.Header(message.Heard, message.CallerNumber, local, today)), recording], () =>
            {
                Heard(message);
                State = VoicemailAccessState.Choosing;
                PlayThenWait(["besked-valg"], Next);
                TakeEarlyKeys();
            });
            TakeEarlyKeys();
        }, "reading a voicemail's recording");
    }

    private void MessageKey(char key)
    {
        host.StopPlaying();
        _timeout?.Cancel();
        var message = _messages[_index];
        switch (key)
        {
            case '1':
                PlayMessage();
                break;
            case '3':
                Next();
                break;
            case '7':
                State = VoicemailAccessState.Saving;
                host.After(Done(boxes.DeleteAsync(Box, message.Id, CancellationToken.None)), _ =>
                {
                    _messages.RemoveAt(_index);
                    _index--;
                    PlayThen(["besked-slettet"], Next);
                }, "deleting a voicemail");
                break;
            case '9':
                State = VoicemailAccessState.Saving;
                host.After(Done(boxes.SetHeardAsync(Box, message.Id, heard: false, CancellationToken.None)), _ =>
                {
                    _messages[_index] = message with { Heard = false };
                    PlayThen(["besked-gemt-som-ny"], Next);
                }, "keeping a voicemail as new");
                break;
            default:
                State = VoicemailAccessState.Choosing;
                PlayThenWait(["ugyldigt-valg", "besked-valg"], Next);
                break;
        }
    }

    private void Next()
    {
        if (++_index < _messages.Count)
        {
            PlayMessage();
        }
        else
        {
            _menuRounds = 0;
            Menu(["ikke-flere-beskeder"]);
        }
    }

    /// <summary>A message heard to its end is heard: the lamp goes out when none is new.</summary>
    private void Heard(VoicemailListing message)
    {
        if (!message.Heard)
        {
            _messages[_index] = message with { Heard = true };
            host.Observe(boxes.SetHeardAsync(Box, message.Id, heard: true, CancellationToken.None), "marking a voicemail heard");
        }
    }

    private void RecordGreeting()
    {
        State = VoicemailAccessState.RecordingGreeting;
        PlayThen(["indtal-hilsen", "tone"], () =>
        {
            var greeting = boxes.StartRecording(Box, RecordingPurpose.Greeting, host.Caller, host.Id, host.Now);
            var recorder = new Recorder(File.Create(greeting.TemporaryFile), options.LongestVoicemail);
            _greeting = greeting;
            _recorder = recorder;
            host.After(recorder.Completion, _ =>
            {
                _recorder = null;
                _greeting = null;
                State = VoicemailAccessState.Saving;
                host.After(boxes.KeepAsync(greeting, recorder.Recorded, CancellationToken.None), kept =>
                    LoadThenMenu([kept ? "hilsen-gemt" : "hilsen-for-kort"]), "keeping a greeting");
            }, "the end of a greeting's recording");
        });
    }

    private void PlayThen(IReadOnlyList<string> prompts, Action then) => host.Play(host.Prompts(prompts), then);

    /// <summary>Plays the prompts, then waits <see cref="KeyWait"/> for a key; none runs <paramref name="onTimeout"/>.</summary>
    private void PlayThenWait(IReadOnlyList<string> prompts, Action onTimeout) => PlayThen(prompts, () => WaitForKey(onTimeout));

    private void WaitForKey(Action onTimeout)
    {
        _timeout?.Cancel();
        _timeout = host.Schedule(KeyWait, onTimeout, "a key on the voicemail number");
    }

    private static async Task<bool> Done(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }
}
