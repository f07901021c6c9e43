using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Omstilling.Sip.Parsing;

/// <summary>Throws parse errors from one place so hot parsing loops stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    [StackTraceHidden]
    public static void Reject(RejectReason reason, int offset, string detail) =>
        throw new SipParseException(reason, offset, detail);

    [DoesNotReturn]
    [StackTraceHidden]
    public static T Reject<T>(RejectReason reason, int offset, string detail)
        where T : allows ref struct =>
        throw new SipParseException(reason, offset, detail);
}
