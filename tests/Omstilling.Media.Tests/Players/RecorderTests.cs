using Omstilling.Media.Audio;
using Omstilling.Media.Players;
using Omstilling.Media.Tests.Support;

namespace Omstilling.Media.Tests.Players;

public sealed class RecorderTests
{
    private static short[] Speech(int ms) => [.. Enumerable.Range(0, ms * 8).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * 300 * i / 8000)))];

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"omstilling-rec-{Guid.NewGuid():N}.wav");

    [Fact]
    public async Task Recording_stops_at_the_maximum_length_and_the_file_holds_exactly_that()
    {
        var path = TempFile();
        var recorder = new Recorder(File.Create(path), maxLength: TimeSpan.FromSeconds(1));

        recorder.Append(Speech(1500));

        Assert.Equal(RecordingEnd.MaxLength, await recorder.Completion);
        Assert.Equal(8000, WavReader.Read(path).Length);
        File.Delete(path);
    }

    [Fact]
    public async Task Recording_ends_after_silence_once_the_caller_has_spoken()
    {
        var path = TempFile();
        var recorder = new Recorder(File.Create(path), maxLength: TimeSpan.FromMinutes(2), endAfterSilence: TimeSpan.FromSeconds(2));

        recorder.Append(new short[8000 * 3]); // silence before speaking does not end it
        Assert.False(recorder.Completion.IsCompleted);
        recorder.Append(Speech(1000));
        recorder.Append(new short[8000 * 2]);

        Assert.Equal(RecordingEnd.Silence, await recorder.Completion);
        Assert.Equal(TimeSpan.FromSeconds(6), WavReader.Read(path).Duration);
        File.Delete(path);
    }

    [Fact]
    public async Task A_key_press_ends_the_recording_received_over_rtp_and_is_reported()
    {
        await using var f = new MediaFixture();
        await using var phone = f.Server.CreateStream();
        await using var server = f.Server.CreateStream();
        MediaFixture.Connect(phone, server);
        var path = TempFile();
        var recorder = new Recorder(File.Create(path), maxLength: TimeSpan.FromMinutes(1));
        server.Listener = recorder;

        PromptPlayer.Start(phone, f.Clock, [new AudioClip("speech", Speech(400))]);
        Assert.True(await f.TickUntilAsync(() => recorder.Recorded >= TimeSpan.FromMilliseconds(400)));
        DtmfSender.Start(phone, f.Clock, "#");
        Assert.True(await f.TickUntilAsync(() => recorder.Completion.IsCompleted));

        Assert.Equal(RecordingEnd.Digit, await recorder.Completion);
        Assert.Equal('#', recorder.EndedByDigit);
        Assert.InRange(WavReader.Read(path).Duration.TotalMilliseconds, 400, 420);
        File.Delete(path);
    }
}
