using System.Buffers;
using System.Globalization;
using System.Text;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Serialization;

/// <summary>
/// Writes messages to bytes (RFC 3261 §7). Headers are written in order with their canonical
/// names, one line per value; Content-Length is always written last from the actual body length,
/// whatever the message's headers said, so the framing can never lie. Stateless and thread-safe.
/// </summary>
public static class SipMessageWriter
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private static ReadOnlySpan<byte> ColonSpace => ": "u8;

    /// <summary>Writes the message into a new array.</summary>
    public static byte[] ToBytes(SipMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(EstimateSize(message));
        Write(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the message to <paramref name="output"/>.</summary>
    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        switch (message)
        {
            case SipRequest request:
                WriteAscii(output, request.Method.Name);
                WriteBytes(output, " "u8);
                var raw = request.RawRequestUri;
                if (!raw.IsEmpty)
                {
                    WriteBytes(output, raw.Span);
                }
                else
                {
                    WriteUtf8(output, request.RequestUri.ToString());
                }

                WriteBytes(output, " SIP/2.0\r\n"u8);
                break;
            case SipResponse response:
                WriteBytes(output, "SIP/2.0 "u8);
                WriteAscii(output, response.StatusCode.ToString(CultureInfo.InvariantCulture));
                WriteBytes(output, " "u8);
                WriteUtf8(output, response.ReasonPhrase);
                WriteBytes(output, Crlf);
                break;
        }

        foreach (var header in message.Headers.AsSpan())
        {
            if (header.Name == HeaderName.ContentLength)
            {
                continue;
            }

            WriteAscii(output, header.Name.Name);
            WriteBytes(output, ColonSpace);
            WriteBytes(output, header.RawValue.Span);
            WriteBytes(output, Crlf);
        }

        WriteBytes(output, "Content-Length: "u8);
        WriteAscii(output, message.Body.Length.ToString(CultureInfo.InvariantCulture));
        WriteBytes(output, "\r\n\r\n"u8);
        WriteBytes(output, message.Body.Span);
    }

    private static int EstimateSize(SipMessage message)
    {
        var size = 128 + message.Body.Length;
        foreach (var header in message.Headers.AsSpan())
        {
            size += header.Name.Name.Length + header.RawValue.Length + 4;
        }

        return size;
    }

    private static void WriteBytes(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private static void WriteAscii(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }

    private static void WriteUtf8(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
    }
}
