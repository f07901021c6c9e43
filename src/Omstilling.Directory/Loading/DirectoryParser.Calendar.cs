using Omstilling.Directory.Model;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Directory.Loading;

/// <summary>A person's calendar source: <c>calendar: { ics: ..., microsoft365: ... }</c>.</summary>
internal sealed partial class DirectoryParser
{
    private static readonly string[] CalendarKeys = ["ics", "microsoft365"];

    private const string CalendarExpected = "{ ics: <an http(s) URL or a file path> } and/or { microsoft365: <the mailbox's address> }";

    private CalendarSource? ParseCalendar(YamlFields person)
    {
        switch (person.Get("calendar"))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                var map = new YamlFields(mapping, $"the calendar of {person.Context}", CalendarKeys, _diagnostics);
                var ics = ParseIcs(map);
                var mailbox = ParseEmail(map, "microsoft365");
                if (ics is null && mailbox is null)
                {
                    if (map.Get("ics") is null && map.Get("microsoft365") is null)
                    {
                        _diagnostics.Error(mapping, $"the calendar of {person.Context} names no source; expected {CalendarExpected}");
                    }

                    return null;
                }

                return new CalendarSource(ics, mailbox);
            case var other:
                _diagnostics.Error(other, $"'calendar' in {person.Context} must be a mapping, not a {YamlFields.KindOf(other)}; expected {CalendarExpected}");
                return null;
        }
    }

    /// <summary>An http(s) URL as written, or a file path made absolute against the directory file's folder.</summary>
    private string? ParseIcs(YamlFields map)
    {
        if (map.Scalar("ics", required: false, "an http(s) URL or a file path") is not { Value: { } text } node)
        {
            return null;
        }

        var ics = text.Trim();
        if (Uri.TryCreate(ics, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && !Path.IsPathRooted(ics))
        {
            if (uri.Scheme is "http" or "https" && uri.Host.Length > 0)
            {
                return ics;
            }

            _diagnostics.Error(node, $"'{ics}' in {map.Context} is not an http(s) URL; expected https://... or a file path");
            return null;
        }

        if (ics.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            _diagnostics.Error(node, $"'{ics}' in {map.Context} is not a file path; expected https://... or a path such as kalendere/anne.ics");
            return null;
        }

        var folder = Path.GetDirectoryName(_diagnostics.At(node).File);
        return Path.IsPathRooted(ics) || string.IsNullOrEmpty(folder) ? ics : Path.GetFullPath(Path.Combine(folder, ics));
    }
}
