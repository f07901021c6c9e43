using System.Net;
using System.Text;

namespace Omstilling.Calendars.Graph;

/// <summary>An out-of-office reply (usually HTML) as one line of plain text for the console.</summary>
internal static class ReplyText
{
    /// <summary>At most this many characters are kept: the console shows a line, not a letter.</summary>
    public const int MaxLength = 300;

    public static string? Plain(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                text.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        var plain = string.Join(' ', WebUtility.HtmlDecode(text.ToString()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return plain.Length == 0 ? null : plain.Length <= MaxLength ? plain : plain[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
