using System.Collections.Concurrent;
using Omstilling.Calls.Control;
using Omstilling.Calls.Voicemail;
using Omstilling.Media.Audio;

namespace Omstilling.Calls.Tests.Support;

/// <summary>
/// Voicemail boxes for the engine's tests: recordings kept as files by <see cref="FolderVoicemailBoxes"/>,
/// messages and PINs as a test puts them, and every change the engine asks for written down.
/// </summary>
public sealed class TestVoicemailBoxes(VoicemailFolders folders) : IVoicemailBoxes
{
    private readonly FolderVoicemailBoxes _files = new(folders, TimeSpan.Zero);
    private readonly ConcurrentDictionary<string, string> _pins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<VoicemailListing>> _messages = new(StringComparer.Ordinal);

    /// <summary>What the engine did with the boxes, in order ("fetched &lt;id&gt;", "heard 2012 &lt;id&gt;", "deleted …", "new …").</summary>
    public ConcurrentQueue<string> Changes { get; } = new();

    public VoicemailGreeting Greeting { get; set; } = VoicemailGreeting.None;

    public void SetPin(string box, string pin) => _pins[box] = pin;

    /// <summary>Puts a message of <paramref name="length"/> (a 440 Hz tone) in the box.</summary>
    public VoicemailListing Leave(string box, string caller, DateTimeOffset at, TimeSpan length)
    {
        var id = Guid.NewGuid();
        var file = folders.PathOf(box, $"{id:N}.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var samples = new short[(int)(length.TotalSeconds * AudioClip.SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / AudioClip.SampleRate));
        }

        WavWriter.Write(file, samples);
        var message = new VoicemailListing(id, caller, at, length, Heard: false, file);
        _messages.GetOrAdd(box, _ => []).Add(message);
        return message;
    }

    public VoicemailGreeting GreetingFor(string box) => Greeting;

    public VoicemailRecording StartRecording(string box, RecordingPurpose purpose, string caller, Guid callId, DateTimeOffset now) =>
        _files.StartRecording(box, purpose, caller, callId, now);

    public async Task<bool> KeepAsync(VoicemailRecording recording, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (recording.Purpose == RecordingPurpose.Greeting)
        {
            File.Delete(recording.TemporaryFile);
            Changes.Enqueue($"greeting {recording.Box}");
            return true;
        }

        var kept = await _files.KeepAsync(recording, length, cancellationToken);
        Changes.Enqueue($"new {recording.Box}");
        return kept;
    }

    public Task<bool> HasPinAsync(string box, CancellationToken cancellationToken) => Task.FromResult(_pins.ContainsKey(box));

    public Task<bool> CheckPinAsync(string box, string pin, CancellationToken cancellationToken) =>
        Task.FromResult(_pins.TryGetValue(box, out var right) && right == pin);

    public Task<IReadOnlyList<VoicemailListing>> MessagesAsync(string box, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VoicemailListing>>([.. _messages.GetValueOrDefault(box) ?? []]);

    public Task<AudioClip> RecordingAsync(VoicemailListing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Changes.Enqueue($"fetched {message.Id}");
        return _files.RecordingAsync(message, cancellationToken);
    }

    public Task SetHeardAsync(string box, Guid id, bool heard, CancellationToken cancellationToken)
    {
        Changes.Enqueue($"{(heard ? "heard" : "new again")} {box} {id}");
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string box, Guid id, CancellationToken cancellationToken)
    {
        Changes.Enqueue($"deleted {box} {id}");
        return Task.CompletedTask;
    }
}
