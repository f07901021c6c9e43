using System.Diagnostics;
using System.Text;

namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// Groups failures that are the same bug: the exception type and the first frame in our code under
/// test, or for an oracle violation its message with numbers and quoted values left out.
/// </summary>
internal static class Signature
{
    public static string Of(Exception e)
    {
        if (e is OracleViolationException)
        {
            return $"oracle: {Normalize(e.Message)}";
        }

        var frame = new StackTrace(e, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.FullName is { } type &&
                                 type.StartsWith("Omstilling.", StringComparison.Ordinal) &&
                                 !type.StartsWith("Omstilling.Fuzzing", StringComparison.Ordinal));
        var where = frame is null ? "outside our code" : $"{frame.DeclaringType!.FullName}.{frame.Name}";
        return $"{e.GetType().Name} in {where}";
    }

    private static string Normalize(string message)
    {
        var sb = new StringBuilder();
        foreach (var c in message)
        {
            if (c is '\'' or '\n' or ':' || sb.Length >= 80)
            {
                break;
            }

            if (!char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }
}
