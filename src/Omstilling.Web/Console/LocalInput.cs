using System.Globalization;

namespace Omstilling.Web.Console;

/// <summary>The value of an &lt;input type="datetime-local"&gt;: local wall-clock time, with or without seconds.</summary>
public static class LocalInput
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff"];

    public static bool TryParse(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    public static string Format(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
