namespace Omstilling.Sip.Parsing;

/// <summary>Finds the commas that separate list elements, skipping those inside quotes and angle brackets.</summary>
internal static class ListSplitter
{
    /// <summary>The index of the next separating comma in [pos, end), or <paramref name="end"/>.</summary>
    public static int NextComma(ReadOnlySpan<byte> s, int pos, int end)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = pos; i < end; i++)
        {
            var b = s[i];
            if (inQuotes)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inQuotes = false;
                }
            }
            else if (b == '"')
            {
                inQuotes = true;
            }
            else if (b == '<')
            {
                inBrackets = true;
            }
            else if (b == '>')
            {
                inBrackets = false;
            }
            else if (b == ',' && !inBrackets)
            {
                return i;
            }
        }

        return end;
    }
}
