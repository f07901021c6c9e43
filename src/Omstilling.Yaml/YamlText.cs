using YamlDotNet.Core;

namespace Omstilling.Yaml;

/// <summary>Checks of the raw text before YamlDotNet reads it.</summary>
internal static class YamlText
{
    /// <summary>
    /// The first C0 control character other than tab, CR and LF, or DEL, with its position counted
    /// as YAML counts lines (CR LF, CR, LF, NEL, LS and PS each end one; YAML 1.1 §5.4); null when
    /// there is none. YAML forbids them (§5.1) and YamlDotNet mistakes a NUL for the end of input.
    /// </summary>
    public static (Mark Mark, string Name)? FirstControlCharacter(string text)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                column = 1;
                continue;
            }

            if ((c < ' ' && c != '\t') || c == '\u007f')
            {
                var name = c == '\0' ? "a NUL character" : $"the control character U+{(int)c:X4}";
                return (new Mark(i, line, column), name);
            }

            column++;
        }

        return null;
    }
}
