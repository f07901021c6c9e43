using System.Text.Json;

namespace Omstilling.Calendars.Tests;

/// <summary>Graph's documented answer to <c>GET /users?$select=...</c>: a page of user objects, with <c>@odata.nextLink</c> when more follow.</summary>
internal static class GraphUsersJson
{
    public const string Context = "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,givenName,surname,jobTitle,department,mail,businessPhones,mobilePhone,accountEnabled)";

    public static string Page(string? nextLink, params string[] users) =>
        "{\"@odata.context\":" + JsonSerializer.Serialize(Context) + ","
        + (nextLink is null ? "" : "\"@odata.nextLink\":" + JsonSerializer.Serialize(nextLink) + ",")
        + "\"value\":[" + string.Join(',', users) + "]}";

    /// <summary>One user; a null value is written as Graph writes it, <c>null</c>.</summary>
    public static string User(string id, string displayName, string? mail, string? jobTitle, string? department, bool? enabled = true, string? mobile = null, params string[] businessPhones)
    {
        var parts = displayName.Split(' ', 2);
        var user = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["displayName"] = displayName,
            ["givenName"] = parts[0],
            ["surname"] = parts.Length > 1 ? parts[1] : null,
            ["jobTitle"] = jobTitle,
            ["department"] = department,
            ["mail"] = mail,
            ["businessPhones"] = businessPhones,
            ["mobilePhone"] = mobile,
        };
        if (enabled is { } value)
        {
            user["accountEnabled"] = value;
        }

        return JsonSerializer.Serialize(user);
    }
}
