using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling.VoicemailAccess;
using Omstilling.Media.Audio;
using Omstilling.Media.Players;
using Omstilling.Media.Rtp;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>The voicemail number on a served call: the session's host, its keys and audio under the call's lock.</summary>
internal sealed partial class ServedCall : IVoicemailAccessHost
{
    private VoicemailAccessSession? _voicemail;

    public DateTimeOffset Now => Stack.Scheduler.Time.GetUtcNow();

    private void StartVoicemail(RtpStream stream)
    {
        var zone = _manager.Policy?.TimeZone ?? TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        _voicemail = new VoicemailAccessSession(this, _manager.Voicemail, _manager.Options, zone);
        stream.Listener = new KeysAndAudio(this);
        _voicemail.Start();
    }

    public IReadOnlyList<AudioClip> Prompts(IReadOnlyList<string> names) => _manager.Prompts.Get(names);

    public void Play(IReadOnlyList<AudioClip> clips, Action then)
    {
        _player?.Stop();
        var player = PromptPlayer.Start(_media!.Stream, _manager.Media.Clock, clips);
        _player = player;
        _manager.CallFaults.Observe(player.Completion.ContinueWith(
            t =>
            {
                lock (_sync)
                {
                    if (t.Result && ReferenceEquals(_player, player) && !_ended)
                    {
                        _player = null;
                        Guarded(then, "what follows a prompt on the voicemail number");
                    }
                }
            },
            TaskScheduler.Default), Id, "what follows a prompt on the voicemail number");
    }

    public void StopPlaying()
    {
        _player?.Stop();
        _player = null;
    }

    public void After<T>(Task<T> task, Action<T> then, string what)
    {
        ArgumentNullException.ThrowIfNull(task);
        _manager.CallFaults.Observe(task.ContinueWith(
            t =>
            {
                lock (_sync)
                {
                    if (_ended)
                    {
                        return;
                    }

                    if (!t.IsCompletedSuccessfully)
                    {
                        Hangup(CallEndReason.Failed);
                        t.GetAwaiter().GetResult(); // the failure goes to the fault boundary
                    }

                    Guarded(() => then(t.Result), what);
                }
            },
            TaskScheduler.Default), Id, what);
    }

    public ScheduledTimer Schedule(TimeSpan delay, Action then, string what) =>
        Stack.Scheduler.Schedule(delay, _ =>
        {
            lock (_sync)
            {
                if (!_ended)
                {
                    Guarded(then, what);
                }
            }
        });

    public void Observe(Task task, string what) => _manager.CallFaults.Observe(task, Id, what);

    public void HangUpAfter(IReadOnlyList<string> prompts) => PlayThenHangUp(prompts);

    /// <summary>Runs a step of the session; one that throws ends the call (its failure is contained and logged).</summary>
    private void Guarded(Action step, string what)
    {
        try
        {
            step();
        }
#pragma warning disable CA1031 // A bug in one step must end this call, not the thread that ran it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _manager.CallFaults.Contain(e, Id, what + " (the call is ended)");
            Hangup(CallEndReason.Failed);
        }
    }

    /// <summary>The stream's keys and audio, for the session under the call's lock.</summary>
    private sealed class KeysAndAudio(ServedCall call) : IRtpListener
    {
        public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker)
        {
            lock (call._sync)
            {
                if (!call._ended)
                {
                    call._voicemail?.OnAudio(stream, payload, marker);
                }
            }
        }

        public void OnDigit(RtpStream stream, char digit)
        {
            lock (call._sync)
            {
                if (!call._ended)
                {
                    call.Guarded(() => call._voicemail?.OnKey(digit), "a key on the voicemail number");
                }
            }
        }
    }
}
