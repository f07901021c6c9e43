using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// A baresip softphone (Debian package baresip-core) registered as a demo extension and steered
/// through its ctrl_tcp module: netstring-framed JSON commands in, events out. Audio comes from
/// a WAV file (aufile) and what it hears is dropped (aubridge), since these tests are about
/// signalling.
/// </summary>
public sealed class Baresip : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private TcpClient? _control;
    private Task _reader = Task.CompletedTask;

    private Baresip(Process process, string directory, string extension)
    {
        _process = process;
        _directory = directory;
        Extension = extension;
    }

    public string Extension { get; }

    public string Log => string.Join('\n', _log);

    public IEnumerable<string> EventTypes => _events.Select(e => e.GetProperty("type").GetString() ?? "");

    /// <summary>Where the sndfile module writes what the phone hears (dump-*-dec.wav) and sends (dump-*-enc.wav).</summary>
    public string RecordingDirectory => Path.Combine(_directory, "recordings");

    /// <summary>The decoded audio the phone received in its (last) call, or null when nothing was recorded.</summary>
    public string? HeardFile => System.IO.Directory.Exists(RecordingDirectory)
        ? System.IO.Directory.GetFiles(RecordingDirectory, "dump-*-dec.wav").OrderBy(File.GetLastWriteTimeUtc).LastOrDefault()
        : null;

    /// <param name="toneSeconds">How long the phone's microphone (a tone file) lasts: baresip ends the call when its audio source runs out.</param>
    /// <param name="toneHz">The microphone's tone, to tell whom a recording heard.</param>
    /// <param name="register">
    /// False for a citizen's phone: no REGISTER and no credentials (<paramref name="extension"/> is then
    /// the number it calls from), as a caller through the telephone network reaches public numbers.
    /// </param>
    /// <param name="tlsCaFile">
    /// With a CA file: the phone speaks SIP over TLS (<c>transport=tls</c>) to <paramref name="serverPort"/>,
    /// the server's TLS port, trusting that CA.
    /// </param>
    /// <param name="mediaEncryption">baresip's <c>mediaenc</c> for the account (<c>srtp</c>: SDES keys in the SDP, RFC 4568), with its srtp module.</param>
    public static async Task<Baresip> StartAsync(string extension, int serverPort, bool autoAnswer, int toneSeconds = 30, int toneHz = 440, bool register = true, string? tlsCaFile = null, string? mediaEncryption = null)
    {
        // baresip takes sip_listen for UDP/TCP and the next port for TLS: both must be free.
        var sipPort = FreePort.NextPair();
        var controlPort = FreePort.Next();
        var rtpBase = 40000 + (sipPort % 200) * 100; // above the ports FreePort hands out
        var directory = Path.Combine(Path.GetTempPath(), $"baresip-{extension}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var tone = Path.Combine(directory, "tone.wav");
        WriteTone(tone, toneSeconds, toneHz);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "recordings"));
        await File.WriteAllTextAsync(Path.Combine(directory, "config"), $"""
            poll_method		epoll
            sip_listen		127.0.0.1:{sipPort}
            audio_player		aubridge,nowhere
            audio_source		aufile,{tone}
            audio_alert		aubridge,nowhere
            module_path		/usr/lib/baresip/modules
            module			g711.so
            module			aufile.so
            module			aubridge.so
            module			ctrl_tcp.so
            module			sndfile.so
            snd_path		{Path.Combine(directory, "recordings")}
            module_app		account.so
            module_app		menu.so
            ctrl_tcp_listen		127.0.0.1:{controlPort}
            rtp_ports		{rtpBase}-{rtpBase + 99}
            {(tlsCaFile is null ? "" : $"sip_cafile		{tlsCaFile}")}
            {(mediaEncryption is null ? "" : "module			srtp.so")}
            """);
        var answer = autoAnswer ? ";answermode=auto" : "";
        var registration = register ? $";auth_pass=demo{extension};regint=600" : ";regint=0";
        await File.WriteAllTextAsync(Path.Combine(directory, "accounts"),
            $"<sip:{extension}@127.0.0.1:{serverPort}{(tlsCaFile is null ? "" : ";transport=tls")}>{registration}{answer}{(mediaEncryption is null ? "" : ";mediaenc=" + mediaEncryption)}\n");

        var info = new ProcessStartInfo("baresip") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-4", "-f", directory })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start baresip.");
        var phone = new Baresip(process, directory, extension);
        process.OutputDataReceived += (_, e) => phone.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => phone.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await phone.ConnectAsync(controlPort);
        return phone;
    }

    public Task DialAsync(string uri) => SendAsync("dial", uri);

    public Task HangUpAsync() => SendAsync("hangup", "");

    /// <summary>What the phone heard in its (last) call: baresip writes the file when the call closes, so this waits until it stops growing.</summary>
    public async Task<short[]> ReadHeardAsync()
    {
        long last = -1;
        for (var i = 0; i < 100; i++)
        {
            if (HeardFile is { } file && new FileInfo(file).Length == last && last > 44)
            {
                return Omstilling.Media.Audio.WavReader.Read(file).Samples.ToArray();
            }

            last = HeardFile is { } growing ? new FileInfo(growing).Length : -1;
            await Task.Delay(100);
        }

        throw new InvalidOperationException("baresip recorded nothing:\n" + Log);
    }

    /// <summary>The transfer key: a blind transfer of the current call to <paramref name="uri"/> (baresip sends REFER).</summary>
    public Task TransferAsync(string uri) => SendAsync("transfer", uri);

    /// <summary>How many events of that type came so far.</summary>
    public int CountEvents(string type) => EventTypes.Count(t => t == type);

    public Task AnswerAsync() => SendAsync("accept", "");

    /// <summary>Presses keys in the current call (baresip sends them as RFC 4733 events).</summary>
    public Task SendDigitsAsync(string digits) => SendAsync("sndcode", digits);

    /// <summary>Waits for an event of that type (e.g. CALL_ESTABLISHED, CALL_CLOSED); false on timeout.</summary>
    public Task<bool> WaitForEventAsync(string type, TimeSpan timeout) => WaitAsync(() => EventTypes.Contains(type), timeout);

    /// <summary>
    /// Waits until the registrar accepted the phone. baresip may register before the control
    /// connection is up and its REGISTER_OK event is then never seen, so its log counts too.
    /// </summary>
    public Task<bool> WaitUntilRegisteredAsync(TimeSpan timeout) =>
        WaitAsync(() => EventTypes.Contains("REGISTER_OK") || _log.Any(l => l.Contains("200 OK", StringComparison.Ordinal) && l.Contains("binding", StringComparison.Ordinal)), timeout);

    private async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (condition())
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _process.HasExited)
            {
                return false;
            }

            await _arrived.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _control?.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // The connection closed with the process.
        }

        _process.Dispose();
        _arrived.Dispose();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private async Task SendAsync(string command, string parameters)
    {
        var json = JsonSerializer.Serialize(new { command, @params = parameters, token = Guid.NewGuid().ToString("N") });
        var payload = Encoding.UTF8.GetBytes(json);
        var frame = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(payload).Append((byte)',').ToArray();
        await _control!.GetStream().WriteAsync(frame);
    }

    private async Task ConnectAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"baresip exited:\n{Log}");
            }

            try
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                _control = client;
                _reader = Task.Run(ReadEventsAsync);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"baresip's ctrl_tcp did not open:\n{Log}");
    }

    /// <summary>Reads netstrings ("len:json,") and keeps every event.</summary>
    private async Task ReadEventsAsync()
    {
        var stream = _control!.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            var n = await stream.ReadAsync(chunk);
            if (n == 0)
            {
                return;
            }

            buffer.AddRange(chunk.AsSpan(0, n));
            while (true)
            {
                var colon = buffer.IndexOf((byte)':');
                if (colon < 0 || !int.TryParse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()), CultureInfo.InvariantCulture, out var length) ||
                    buffer.Count < colon + 1 + length + 1)
                {
                    break;
                }

                var json = buffer.GetRange(colon + 1, length).ToArray();
                buffer.RemoveRange(0, colon + 1 + length + 1);
                using var doc = JsonDocument.Parse(json);
                if (doc.RootElement.TryGetProperty("event", out _))
                {
                    _events.Enqueue(doc.RootElement.Clone());
                    _arrived.Release();
                }
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
            _arrived.Release();
        }
    }

    /// <summary>A tone of <paramref name="hz"/>, 8 kHz 16-bit mono.</summary>
    private static void WriteTone(string path, int seconds, int hz)
    {
        const int Rate = 8000;
        var samples = Rate * seconds;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(Rate);
        writer.Write(Rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(8000 * Math.Sin(2 * Math.PI * hz * i / Rate)));
        }
    }
}
